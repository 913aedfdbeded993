#include "load/fingerprint.hpp"

#include "core/hash.hpp"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace parkpress::load {
namespace fs = std::filesystem;

namespace {

/// Adds every file under `root` in path order. False if something could not be read.
bool add_tree(core::Hasher& hasher, const fs::path& root, std::string& buffer) {
    std::error_code ec;
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const auto status = it->symlink_status(ec);
        if (ec || fs::is_symlink(status)) {
            return false;
        }
        if (fs::is_regular_file(status)) {
            files.push_back(it->path().lexically_relative(root).generic_string());
        } else if (!fs::is_directory(status)) {
            return false;
        }
    }
    if (ec) {
        return false;
    }
    std::sort(files.begin(), files.end());
    hasher.add(static_cast<std::int64_t>(files.size()));
    for (const auto& rel : files) {
        const int fd = ::open((root / rel).c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            return false;
        }
        buffer.clear();
        char chunk[65536];
        ssize_t n = 0;
        while ((n = ::read(fd, chunk, sizeof chunk)) > 0) {
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        ::close(fd);
        if (n < 0) {
            return false;
        }
        hasher.add(rel).add(buffer);
    }
    return true;
}

} // namespace

std::optional<std::string> tree_digest(const fs::path& root) {
    core::Hasher hasher;
    std::string buffer;
    if (!add_tree(hasher, root, buffer)) {
        return std::nullopt;
    }
    return hasher.hex();
}

std::string combine_fingerprint(std::string_view options, std::string_view content, std::string_view theme) {
    core::Hasher hasher;
    hasher.add(options).add(content).add(theme);
    return hasher.hex();
}

std::optional<std::string> input_fingerprint(const fs::path& content, const fs::path& theme, std::string_view options) {
    const auto c = tree_digest(content);
    const auto t = c ? tree_digest(theme) : std::nullopt;
    if (!t) {
        return std::nullopt;
    }
    return combine_fingerprint(options, *c, *t);
}

} // namespace parkpress::load
