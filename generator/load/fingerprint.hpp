#pragma once

#include "core/files.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parkpress::load {

/// What a build learnt of each file it digested: its metadata and its digest, so that a
/// later build can trust the digest without reading the file while the metadata is the same
/// (device, inode, size, modification and change times; the change time is set by the kernel
/// at every write, rename or link, never by a program). A file is kept only when its change
/// time was at least 2 s old when it was looked at: timestamps are coarse (a clock tick, up
/// to 2 s on some file systems), and a file written again within the tick it was looked at
/// could keep the same times.
class FileStats {
public:
    struct Entry {
        core::FileInfo info;
        std::string digest;
        bool operator==(const Entry&) const = default;
    };

    /// The file `file` that write() wrote; empty when it is missing, damaged or foreign.
    static FileStats read(const std::filesystem::path& file);
    /// Writes them (a temporary file renamed). Throws std::runtime_error.
    void write(const std::filesystem::path& file) const;
    std::string serialize() const;
    static FileStats deserialize(std::string_view bytes);

    /// The digest of `path` (relative) if its metadata is still `info`.
    [[nodiscard]] const std::string* digest(const std::string& path, const core::FileInfo& info) const;
    /// Keeps what was learnt of `path` when it was looked at, at `now_ns` (CLOCK_REALTIME),
    /// if its change time was old enough then.
    void learn(const std::string& path, const core::FileInfo& info, std::string digest, std::int64_t now_ns);
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    bool operator==(const FileStats&) const = default;

private:
    std::unordered_map<std::string, Entry> m_entries;
};

/// A folder's digest and its files' own.
struct TreeDigest {
    std::string digest;                                 ///< what tree_digest() returns
    std::unordered_map<std::string, std::string> files; ///< file_digest() by relative path
    /// Each file's bytes by relative path, when asked for: the loader takes them from here
    /// instead of reading every file a second time.
    std::unordered_map<std::string, std::string> bytes;
};

/// A digest of every file under `root` (paths relative to it, and bytes), reading `jobs`
/// files at a time; nullopt as below.
std::optional<std::string> tree_digest(const std::filesystem::path& root, unsigned jobs = 1);
/// The same with each file's digest, by its path relative to `root` ('/' between folders),
/// and with `keep_bytes` its bytes: every file under `root` is there, and each is a regular
/// file (not a link). With `known`, a file whose metadata it has is not read (unless its
/// bytes are to be kept); `learnt` gets what this call learnt, for the next.
std::optional<TreeDigest> tree_digests(const std::filesystem::path& root, unsigned jobs = 1, bool keep_bytes = false,
                                       const FileStats* known = nullptr, FileStats* learnt = nullptr);
/// The digest of one file's bytes (core::digest_of), or nullopt if it cannot be read.
std::optional<std::string> file_digest(const std::filesystem::path& path);

/// A digest of every file under `content` and `theme` (their paths and bytes) and of
/// `options`: two builds with the same fingerprint make the same site. Symbolic links are
/// not followed here: with one, or with any file that cannot be read, the answer is nullopt
/// and the caller builds everything.
std::optional<std::string> input_fingerprint(const std::filesystem::path& content, const std::filesystem::path& theme,
                                             std::string_view options);
/// The same from the two folders' tree digests, for a caller that needs them apart too.
std::string combine_fingerprint(std::string_view options, std::string_view content, std::string_view theme);

} // namespace parkpress::load
