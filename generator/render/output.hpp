#pragma once

#include <map>
#include <mutex>
#include <string>

namespace parkpress::render {

/// The files of a site, by path relative to the output folder. Rendering produces them;
/// only write/ puts them on disk.
using OutputFiles = std::map<std::string, std::string>;

/// Where rendered files go. `put` may be called from several threads at once.
class Sink {
public:
    virtual ~Sink() = default;
    /// Stores a file. `key`: a digest of everything the file was made from ("" when that is
    /// not tracked), so that a later build can tell whether it must make the file again.
    virtual void put(const std::string& path, std::string bytes, const std::string& key) = 0;
    void put(const std::string& path, std::string bytes) { put(path, std::move(bytes), std::string()); }
    /// Whether the sink can keep the file an earlier build made from inputs with this key;
    /// then the caller does not render it.
    virtual bool reuse(const std::string& /*path*/, const std::string& /*key*/) { return false; }
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
