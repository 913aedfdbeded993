#include "load/fingerprint.hpp"

#include "core/binary.hpp"
#include "core/files.hpp"
#include "core/hash.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace parkpress::load {
namespace fs = std::filesystem;

namespace {

/// Every file under `root`, relative to it, in path order; nullopt on a symbolic link,
/// something that is neither a file nor a folder, or an error.
std::optional<std::vector<std::string>> list_files(const fs::path& root) {
    std::error_code ec;
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        // The entry's type as the folder listing gave it (no stat per file); not followed,
        // as the entry is not a link.
        const bool link = it->is_symlink(ec);
        if (ec || link) {
            return std::nullopt;
        }
        const bool regular = it->is_regular_file(ec);
        if (ec) {
            return std::nullopt;
        }
        if (regular) {
            files.push_back(it->path().lexically_relative(root).generic_string());
        } else if (const bool folder = it->is_directory(ec); ec || !folder) {
            return std::nullopt;
        }
    }
    if (ec) {
        return std::nullopt;
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

std::optional<std::string> file_digest(const fs::path& path) {
    const auto bytes = core::read_file(path);
    return bytes ? std::optional(core::digest_of(*bytes)) : std::nullopt;
}

std::optional<std::string> tree_digest(const fs::path& root, unsigned jobs) {
    auto tree = tree_digests(root, jobs);
    return tree ? std::optional(std::move(tree->digest)) : std::nullopt;
}

std::optional<TreeDigest> tree_digests(const fs::path& root, unsigned jobs, bool keep_bytes, const FileStats* known,
                                       FileStats* learnt) {
    const std::int64_t now_ns = core::now_ns();
    const auto files = list_files(root);
    if (!files) {
        return std::nullopt;
    }
    // Each file's digest on its own (on all cores: at national scale there are 20,000),
    // then the digest of the list of names and digests.
    std::vector<std::optional<std::string>> digests(files->size());
    std::vector<std::string> bytes(keep_bytes ? files->size() : 0);
    std::vector<core::FileInfo> infos(files->size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files->size(); i = next++) {
            const fs::path path = root / (*files)[i];
            if (known != nullptr && !keep_bytes) {
                if (const auto info = core::regular_file_info(path)) {
                    if (const std::string* digest = known->digest((*files)[i], *info)) {
                        digests[i] = *digest;
                        infos[i] = *info;
                        continue;
                    }
                }
            }
            auto read = core::read_file(path, &infos[i]);
            if (read) {
                digests[i] = core::digest_of(*read);
                if (keep_bytes) {
                    bytes[i] = std::move(*read);
                }
            }
        }
    };
    jobs = std::clamp<unsigned>(jobs, 1, static_cast<unsigned>(std::max<std::size_t>(files->size() / 64, 1)));
    std::vector<std::thread> helpers;
    for (unsigned i = 1; i < jobs; ++i) {
        helpers.emplace_back(work);
    }
    work();
    for (auto& t : helpers) {
        t.join();
    }
    core::Hasher hasher;
    hasher.add(static_cast<std::int64_t>(files->size()));
    TreeDigest tree;
    tree.files.reserve(files->size());
    tree.bytes.reserve(bytes.size());
    for (std::size_t i = 0; i < files->size(); ++i) {
        if (!digests[i]) {
            return std::nullopt;
        }
        hasher.add((*files)[i]).add(*digests[i]);
        if (learnt != nullptr) {
            learnt->learn((*files)[i], infos[i], *digests[i], now_ns);
        }
        tree.files.emplace((*files)[i], std::move(*digests[i]));
        if (keep_bytes) {
            tree.bytes.emplace((*files)[i], std::move(bytes[i]));
        }
    }
    tree.digest = hasher.hex();
    return tree;
}

namespace {
constexpr std::string_view k_stats_magic = "parkpress file stats 1\n";
constexpr std::int64_t k_coarse_ns = 2'000'000'000;
} // namespace

const std::string* FileStats::digest(const std::string& path, const core::FileInfo& info) const {
    const auto it = m_entries.find(path);
    return it != m_entries.end() && it->second.info == info ? &it->second.digest : nullptr;
}

void FileStats::learn(const std::string& path, const core::FileInfo& info, std::string digest, std::int64_t now_ns) {
    if (info.inode != 0 && info.changed_ns < now_ns - k_coarse_ns) {
        m_entries.insert_or_assign(path, Entry{info, std::move(digest)});
    }
}

std::string FileStats::serialize() const {
    // In path order, so that the same stats are the same bytes.
    std::vector<const std::pair<const std::string, Entry>*> sorted;
    sorted.reserve(m_entries.size());
    for (const auto& e : m_entries) {
        sorted.push_back(&e);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    core::BinaryWriter w;
    w.bytes.append(k_stats_magic);
    w.u64(sorted.size());
    for (const auto* e : sorted) {
        const core::FileInfo& i = e->second.info;
        w.str(e->first);
        w.u64(i.device);
        w.u64(i.inode);
        w.u64(i.size);
        w.i64(i.modified_ns);
        w.i64(i.changed_ns);
        w.str(e->second.digest);
    }
    core::seal(w.bytes);
    return std::move(w.bytes);
}

FileStats FileStats::deserialize(std::string_view bytes) {
    const auto body = core::unseal(bytes, k_stats_magic);
    if (!body) {
        return {};
    }
    try {
        core::BinaryReader r(*body);
        r.skip(k_stats_magic.size());
        FileStats stats;
        const std::size_t n = r.count(7);
        stats.m_entries.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            std::string path = r.str();
            Entry e;
            e.info.device = r.u64();
            e.info.inode = r.u64();
            e.info.size = r.u64();
            e.info.modified_ns = r.i64();
            e.info.changed_ns = r.i64();
            e.digest = r.str();
            stats.m_entries.insert_or_assign(std::move(path), std::move(e));
        }
        return r.at_end() ? stats : FileStats();
    } catch (const std::out_of_range&) {
        return {};
    }
}

FileStats FileStats::read(const fs::path& file) {
    const auto bytes = core::read_file(file);
    return bytes ? deserialize(*bytes) : FileStats();
}

void FileStats::write(const fs::path& file) const {
    core::write_file_atomically(file, serialize());
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
