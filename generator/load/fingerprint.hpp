#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parkpress::load {

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
/// file (not a link).
std::optional<TreeDigest> tree_digests(const std::filesystem::path& root, unsigned jobs = 1, bool keep_bytes = false);
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
