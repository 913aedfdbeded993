#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace parkpress::render {

/// The files of a site, by path relative to the output folder. Rendering produces them;
/// only write/ puts them on disk.
using OutputFiles = std::map<std::string, std::string>;

/// A file an earlier build made, with the index of its parts that it recorded.
struct PreviousFile {
    std::string_view bytes;        ///< valid while `hold` lives
    std::shared_ptr<const void> hold; ///< what keeps `bytes` (a mapping of the file)
    std::string parts;
};

/// Where rendered files go. `put` may be called from several threads at once.
class Sink {
public:
    virtual ~Sink() = default;
    /// Stores a file. `key`: a digest of everything the file was made from ("" when that is
    /// not tracked), so that a later build can tell whether it must make the file again.
    virtual void put(const std::string& path, std::string bytes, const std::string& key) = 0;
    void put(const std::string& path, std::string bytes) { put(path, std::move(bytes), std::string()); }
    /// The same for a file made of parts that a later build may take over one by one (the
    /// downloads, a part per park): `parts` indexes them, in a format of the file's maker.
    virtual void put_parts(const std::string& path, std::string bytes, const std::string& key,
                           const std::string& /*parts*/) {
        put(path, std::move(bytes), key);
    }
    /// Whether the sink can keep the file an earlier build made from inputs with this key;
    /// then the caller does not render it.
    virtual bool reuse(const std::string& /*path*/, const std::string& /*key*/) { return false; }
    /// The file at `path` as an earlier build left it, with its parts, if the sink has it
    /// untouched; nullopt otherwise.
    virtual std::optional<PreviousFile> previous(const std::string& /*path*/) { return std::nullopt; }
};

/// Keeps the files in memory (tests, golden files).
class MemorySink : public Sink {
public:
    using Sink::put;
    void put(const std::string& path, std::string bytes, const std::string& /*key*/) override {
        const std::lock_guard lock(m_mutex);
        m_files[path] = std::move(bytes);
    }
    OutputFiles take() { return std::move(m_files); }

private:
    std::mutex m_mutex;
    OutputFiles m_files;
};

/// A theme: Mustache templates by name (file stem) and static assets by output path.
struct Theme {
    std::map<std::string, std::string> templates;
    OutputFiles assets;
};

} // namespace parkpress::render
