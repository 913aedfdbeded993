#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace parkpress::core {

/// What identifies a file's state without reading it.
struct FileInfo {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0; ///< st_mtim
    std::int64_t changed_ns = 0;  ///< st_ctim: set by the kernel at every change, never by a program
    bool operator==(const FileInfo&) const = default;
};

/// The bytes of a file (open, fstat, read), or nullopt if it cannot be read; a folder cannot.
/// `info`: set to the file's metadata as it was before it was read.
std::optional<std::string> read_file(const std::filesystem::path& path, FileInfo* info = nullptr);
/// The time now as file times count it (CLOCK_REALTIME), in nanoseconds.
std::int64_t now_ns();
/// Whether `path` is a plain relative path: not empty, and no empty, "." or ".." part (so no
/// leading or doubled slash). What a tree or a manifest names may be joined to a folder only then.
bool is_plain_relative_path(std::string_view path);
/// The metadata of a regular file that is not a link (lstat), or nullopt. With
/// `follow_links`, of the regular file a link leads to (stat).
std::optional<FileInfo> regular_file_info(const std::filesystem::path& path, bool follow_links = false);

} // namespace parkpress::core
