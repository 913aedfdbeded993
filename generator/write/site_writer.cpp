#include "write/site_writer.hpp"

#include "core/files.hpp"
#include "core/hash.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <limits>
#include <dirent.h>
#include <set>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <utility>
#include <vector>
#include <algorithm>
#include <unistd.h>

namespace parkpress::write {
namespace fs = std::filesystem;

namespace {

constexpr int k_manifest_version = 2;
constexpr const char* k_marker_note = "This folder was written by parkpress; it replaces it on every build.";

std::int64_t mtime_ns(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

/// Whether `st` is a regular file with the recorded inode, size and time.
bool matches(const struct stat& st, const Manifest::File& record) {
    return S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_ino) == record.inode &&
           static_cast<std::uint64_t>(st.st_size) == record.size && mtime_ns(st) == record.mtime_ns;
}

/// Whether two records describe one file (a hard link in two sites).
bool same_file(const Manifest::File& a, const Manifest::File& b) {
    return a.inode == b.inode && a.size == b.size && a.mtime_ns == b.mtime_ns;
}

/// Removes `name` in the folder `dirfd` and, if it is a folder, everything in it, without
/// following symbolic links. The type comes from readdir(), so a file costs one unlink()
/// and a folder an open, a read and an rmdir(), with no stat() of either.
void remove_entry(int dirfd, const char* name, bool folder) {
    if (!folder && (::unlinkat(dirfd, name, 0) == 0 || (errno != EISDIR && errno != EPERM))) {
        return;
    }
    const int fd = ::openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        ::unlinkat(dirfd, name, 0); // not a folder after all
        return;
    }
    if (DIR* dir = ::fdopendir(fd)) {
        while (const dirent* entry = ::readdir(dir)) {
            const std::string_view child = entry->d_name;
            if (child != "." && child != "..") {
                remove_entry(fd, entry->d_name, entry->d_type == DT_DIR || entry->d_type == DT_UNKNOWN);
            }
        }
        ::closedir(dir); // closes fd
    } else {
        ::close(fd);
    }
    ::unlinkat(dirfd, name, AT_REMOVEDIR);
}

/// Removes a tree with a few threads: a site is tens of thousands of small files and folders,
/// and the file system takes its time over each.
void remove_tree(const fs::path& root) {
    std::error_code ec;
    std::vector<fs::path> parts;
    for (const auto& top : fs::directory_iterator(root, ec)) {
        if (top.is_directory(ec) && !top.is_symlink(ec)) {
            for (const auto& child : fs::directory_iterator(top.path(), ec)) {
                parts.push_back(child.path());
            }
        }
    }
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) {
        pool.emplace_back([&parts, t, threads] {
            for (std::size_t i = t; i < parts.size(); i += threads) {
                remove_entry(AT_FDCWD, parts[i].c_str(), true);
            }
        });
    }
    for (auto& thread : pool) {
        thread.join();
    }
    fs::remove_all(root, ec);
}

} // namespace

std::string Manifest::to_json() const {
    nlohmann::ordered_json j;
    j["parkpress"] = k_marker_note;
    j["version"] = k_manifest_version;
    j["inputs"] = inputs;
    j["report_out"] = report_out;
    j["report_err"] = report_err;
    j["pages"] = pages;
    // A sorted map, in the order of `files`: an ordered_json object looks each key up by a
    // linear search, which tens of thousands of files make quadratic.
    nlohmann::json list = nlohmann::json::object();
    for (const auto& [path, f] : files) {
        auto record = nlohmann::json::array({f.key, f.hash, f.size, f.mtime_ns, f.inode});
        if (!f.parts.empty()) {
            record.push_back(f.parts);
        }
        list.emplace(path, std::move(record));
    }
    j["files"] = nlohmann::ordered_json(std::move(list));
    return j.dump(0) + "\n";
}

namespace {

/// Reads a manifest as nlohmann's parser meets it (SAX), without building the document: a
/// rebuild reads two, each with a record for every file of the site (10,500 at national
/// scale). Anything not shaped as to_json() writes it stops the parse.
class ManifestReader final : public nlohmann::json_sax<nlohmann::json> {
public:
    Manifest manifest;

    /// Whether every member was there, and the version is this one.
    [[nodiscard]] bool complete() const { return m_version == k_manifest_version && m_members == 0b11111; }

    bool null() override { return false; }
    bool boolean(bool /*value*/) override { return false; }
    bool number_integer(number_integer_t value) override { return number(value, value >= 0); }
    bool number_unsigned(number_unsigned_t value) override {
        return value <= static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max()) &&
               number(static_cast<std::int64_t>(value), true);
    }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return false; }
    bool binary(binary_t& /*value*/) override { return false; }
    bool string(string_t& value) override {
        if (m_depth == 1) {
            if (m_key == "parkpress") {
                return true;
            }
            std::string* field = m_key == "inputs" ? &manifest.inputs
                                 : m_key == "report_out" ? &manifest.report_out
                                 : m_key == "report_err" ? &manifest.report_err
                                                          : nullptr;
            if (field == nullptr) {
                return false;
            }
            *field = std::move(value);
            m_members |= m_key == "inputs" ? 1U : m_key == "report_out" ? 2U : 4U;
            return true;
        }
        if (m_depth != 3 || (m_field != 0 && m_field != 1 && m_field != 5)) {
            return false;
        }
        (m_field == 0 ? m_file.key : m_field == 1 ? m_file.hash : m_file.parts) = std::move(value);
        ++m_field;
        return true;
    }
    bool start_object(std::size_t /*elements*/) override {
        if (m_depth == 0 || (m_depth == 1 && m_key == "files")) {
            m_members |= m_depth == 1 ? 16U : 0U;
            ++m_depth;
            return true;
        }
        return false;
    }
    bool key(string_t& value) override {
        (m_depth == 1 ? m_key : m_path) = std::move(value);
        return m_depth == 1 || m_depth == 2;
    }
    bool end_object() override {
        --m_depth;
        return true;
    }
    bool start_array(std::size_t /*elements*/) override {
        if (m_depth != 2) {
            return false;
        }
        ++m_depth;
        m_field = 0;
        m_file = Manifest::File();
        return true;
    }
    bool end_array() override {
        --m_depth;
        if (m_field < 5) {
            return false;
        }
        manifest.files.emplace_hint(manifest.files.end(), std::move(m_path), std::move(m_file));
        return true;
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& /*error*/) override {
        return false;
    }

private:
    bool number(std::int64_t value, bool non_negative) {
        if (m_depth == 1) {
            if (m_key == "version") {
                m_version = value;
                return true;
            }
            if (m_key == "pages" && non_negative) {
                manifest.pages = static_cast<std::size_t>(value);
                m_members |= 8U;
                return true;
            }
            return false;
        }
        if (m_depth != 3 || m_field < 2 || m_field > 4 || (m_field != 3 && !non_negative)) {
            return false;
        }
        if (m_field == 2) {
            m_file.size = static_cast<std::uint64_t>(value);
        } else if (m_field == 3) {
            m_file.mtime_ns = value;
        } else {
            m_file.inode = static_cast<std::uint64_t>(value);
        }
        ++m_field;
        return true;
    }

    int m_depth = 0;
    std::string m_key;  ///< the member of the manifest being read
    std::string m_path; ///< the file being read
    int m_field = 0;    ///< which of its record's fields comes next
    Manifest::File m_file;
    std::int64_t m_version = 0;
    unsigned m_members = 0; ///< inputs, report_out, report_err, pages, files
};

} // namespace

std::optional<Manifest> Manifest::from_json(const std::string& text) {
    ManifestReader reader;
    // An older marker, or one edited by hand, does not parse as this one: build everything.
    if (!nlohmann::json::sax_parse(text, &reader) || !reader.complete()) {
        return std::nullopt;
    }
    return std::move(reader.manifest);
}

std::optional<Manifest> read_manifest(const fs::path& out) {
    std::error_code ec;
    if (!fs::is_regular_file(out / k_marker, ec)) {
        return std::nullopt;
    }
    return Manifest::from_json(core::read_file(out / k_marker).value_or(""));
}

namespace {
/// Walks the folder `dirfd` (at `prefix` in the output) with readdir() and fstatat(), without
/// following links: false as soon as an entry is not a regular file of `manifest` with its
/// recorded inode, size and time, or a folder. Counts the files in `seen`.
bool intact_folder(int dirfd, const std::string& prefix, const Manifest& manifest, std::size_t& seen) {
    DIR* dir = ::fdopendir(dirfd);
    if (dir == nullptr) {
        ::close(dirfd);
        return false;
    }
    bool ok = true;
    std::string rel;
    while (ok) {
        const dirent* entry = ::readdir(dir);
        if (entry == nullptr) {
            break;
        }
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..") {
            continue;
        }
        rel.assign(prefix).append(name);
        struct stat st {};
        if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            ok = false;
        } else if (S_ISDIR(st.st_mode)) {
            const int child = ::openat(::dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            ok = child >= 0 && intact_folder(child, rel + "/", manifest, seen);
        } else if (rel == k_marker) {
            ok = S_ISREG(st.st_mode);
        } else {
            const auto f = manifest.files.find(rel);
            ok = f != manifest.files.end() && matches(st, f->second);
            ++seen;
        }
    }
    ::closedir(dir); // closes dirfd
    return ok;
}
} // namespace

bool is_intact(const fs::path& out, const Manifest& manifest) {
    const int fd = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    std::size_t seen = 0;
    return fd >= 0 && intact_folder(fd, "", manifest, seen) && seen == manifest.files.size();
}

std::optional<Manifest> intact_output(const fs::path& out) {
    auto manifest = read_manifest(out);
    if (!manifest || !is_intact(out, *manifest)) {
        return std::nullopt;
    }
    return manifest;
}

fs::path output_folder(const fs::path& out) {
    fs::path target = fs::absolute(out).lexically_normal();
    if (target.filename().empty() && target.has_parent_path()) {
        target = target.parent_path(); // "site/" is "site", not a folder "" inside it
    }
    return target;
}

fs::path previous_site_path(const fs::path& out) {
    const fs::path target = output_folder(out);
    return target.parent_path() / fmt::format(".{}.parkpress-previous", target.filename().string());
}

std::optional<Manifest> intact_previous_site(const fs::path& out) { return intact_output(previous_site_path(out)); }

fs::path lock_path(const fs::path& out) {
    const fs::path target = output_folder(out);
    return target.parent_path() / fmt::format(".{}.parkpress-lock", target.filename().string());
}

fs::path cache_path(const fs::path& out) {
    const fs::path target = output_folder(out);
    return target.parent_path() / fmt::format(".{}.parkpress-cache", target.filename().string());
}

fs::path file_stats_path(const fs::path& out) {
    const fs::path target = output_folder(out);
    return target.parent_path() / fmt::format(".{}.parkpress-files", target.filename().string());
}

namespace {
/// Removes whatever is at `path` (a folder and everything in it, a file or a link), without
/// following links.
void remove_any(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        remove_tree(path);
    } else {
        ::unlink(path.c_str());
    }
}

/// Makes the folder `folder` (relative to `root`) and the folders it is in.
bool make_folders(int root, const std::string& folder) {
    if (::mkdirat(root, folder.c_str(), 0777) == 0 || errno == EEXIST) {
        return true;
    }
    const std::size_t slash = folder.rfind('/');
    return errno == ENOENT && slash != std::string::npos && make_folders(root, folder.substr(0, slash)) &&
           (::mkdirat(root, folder.c_str(), 0777) == 0 || errno == EEXIST);
}

} // namespace

OpenFolder::OpenFolder(const fs::path& path)
    : fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) {}

OpenFolder::~OpenFolder() {
    if (fd >= 0) {
        ::close(fd);
    }
}

OpenFolder::OpenFolder(OpenFolder&& other) noexcept : fd(std::exchange(other.fd, -1)) {}

OpenFolder& OpenFolder::operator=(OpenFolder&& other) noexcept {
    if (this != &other) {
        if (fd >= 0) {
            ::close(fd);
        }
        fd = std::exchange(other.fd, -1);
    }
    return *this;
}

std::optional<Manifest> link_previous_site(const fs::path& out, const Manifest& current) {
    const fs::path target = output_folder(out);
    const fs::path staging = previous_site_path(target);
    remove_any(staging);
    if (::mkdir(staging.c_str(), 0777) != 0) {
        return std::nullopt;
    }
    Manifest before;
    before.inputs = current.inputs;
    before.pages = current.pages;
    // Paths relative to the two folders, so that each call looks up only the path inside them.
    const OpenFolder from(target);
    const OpenFolder to(staging);
    bool ok = from.fd >= 0 && to.fd >= 0;
    std::string made; // the last folder made (files come sorted, so folder by folder)
    for (auto it = current.files.begin(); ok && it != current.files.end(); ++it) {
        const auto& [path, file] = *it;
        struct stat st {};
        if (!core::is_plain_relative_path(path) || path == k_marker) {
            continue; // not a file of the site (a manifest is parkpress's own, but not trusted blindly)
        }
        if (::fstatat(from.fd, path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !matches(st, file)) {
            continue; // changed since its build: the build writes it again
        }
        const std::size_t slash = path.rfind('/');
        if (slash != std::string::npos && path.compare(0, slash, made) != 0) {
            made.assign(path, 0, slash);
            ok = make_folders(to.fd, made);
        }
        ok = ok && ::linkat(from.fd, path.c_str(), to.fd, path.c_str(), 0) == 0; // else no hard links here
        if (ok) {
            before.files.emplace_hint(before.files.end(), path, file);
        }
    }
    if (ok) {
        std::ofstream marker(staging / k_marker, std::ios::binary | std::ios::trunc);
        marker << before.to_json();
        ok = static_cast<bool>(marker.flush());
    }
    if (!ok) {
        remove_any(staging);
        return std::nullopt;
    }
    return before;
}

SiteWriter::SiteWriter(const fs::path& out) : SiteWriter(out, read_manifest(out)) {}

SiteWriter::SiteWriter(const fs::path& out, std::optional<Manifest> previous)
    : m_target(output_folder(out)), m_old(std::move(previous)) {
    stage(m_old ? intact_previous_site(m_target) : std::nullopt);
}

SiteWriter::SiteWriter(const fs::path& out, std::optional<Manifest> previous, std::optional<Manifest> before)
    : m_target(output_folder(out)), m_old(std::move(previous)) {
    stage(std::move(before));
}

void SiteWriter::stage(std::optional<Manifest> before) {
    fs::create_directories(m_target.parent_path());
    m_staging = previous_site_path(m_target);
    // The site before the current one, left beside it by the last build: when it is exactly
    // as its manifest says, only the files that differ need to be replaced in it.
    if (m_old && before && ::unlink((m_staging / k_marker).c_str()) == 0) {
        m_before = std::move(before); // no manifest while it changes: a build killed now leaves none
    }
    if (!m_before) {
        remove_any(m_staging);
        fs::create_directory(m_staging);
    }
    // Files are found relative to the two folders, open: a path is then looked up from the
    // folder, not from the root, for each of the tens of thousands of files of a site.
    m_staging_dir = OpenFolder(m_staging);
    if (m_staging_dir.fd < 0) {
        const int error = errno;
        remove_any(m_staging);
        throw WriteError(fmt::format("cannot open {}: {}", m_staging.generic_string(), std::strerror(error)));
    }
    m_target_dir = OpenFolder(m_target); // fd -1 if there is none yet
}

SiteWriter::~SiteWriter() {
    if (!m_committed) {
        remove_any(m_staging);
    }
}

std::string SiteWriter::staged(const std::string& path) const {
    if (core::is_plain_relative_path(path) && path != k_marker) {
        return path; // as rendering names its files
    }
    const std::string normal = fs::path(path).lexically_normal().generic_string();
    if (path.empty() || path.front() == '/' || !core::is_plain_relative_path(normal) || normal == k_marker) {
        throw WriteError(fmt::format("refusing to write {} outside the output folder", path));
    }
    return normal;
}

bool SiteWriter::make_parent(const std::string& rel) const {
    const std::size_t slash = rel.rfind('/');
    return slash == std::string::npos || make_folders(m_staging_dir.fd, rel.substr(0, slash));
}

const Manifest::File* SiteWriter::old_file(const std::string& path) const {
    if (!m_old) {
        return nullptr;
    }
    const auto it = m_old->files.find(path);
    struct stat st {};
    if (it == m_old->files.end() || m_target_dir.fd < 0 ||
        ::fstatat(m_target_dir.fd, path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !matches(st, it->second)) {
        return nullptr;
    }
    return &it->second;
}

const Manifest::File* SiteWriter::before_file(const std::string& path) const {
    if (!m_before) {
        return nullptr;
    }
    const auto it = m_before->files.find(path);
    return it == m_before->files.end() ? nullptr : &it->second;
}

void SiteWriter::record(const std::string& path, const Manifest::File& file, bool written) {
    const std::lock_guard lock(m_mutex);
    m_files[path] = file;
    ++(written ? m_written : m_kept);
}

bool SiteWriter::link_old(const std::string& path, const Manifest::File& old) {
    const std::string rel = staged(path);
    if (const Manifest::File* before = before_file(path)) {
        if (same_file(*before, old)) {
            record(path, old, false); // the same file is in both sites already
            return true;
        }
        ::unlinkat(m_staging_dir.fd, rel.c_str(), 0);
    } else {
        make_parent(rel);
    }
    if (::linkat(m_target_dir.fd, path.c_str(), m_staging_dir.fd, rel.c_str(), 0) != 0) {
        return false; // a file system without hard links: write the file instead
    }
    record(path, old, false);
    return true;
}

bool SiteWriter::reuse(const std::string& path, const std::string& key) {
    if (key.empty()) {
        return false;
    }
    const Manifest::File* old = old_file(path);
    if (old == nullptr || old->key != key) {
        return false;
    }
    return link_old(path, *old);
}

std::optional<render::PreviousFile> SiteWriter::previous(const std::string& path) {
    const Manifest::File* old = old_file(path);
    if (old == nullptr) {
        return std::nullopt;
    }
    if (old->size == 0) {
        return render::PreviousFile{{}, nullptr, old->parts};
    }
    // Mapped rather than read: the downloads are the largest files, and only parts of them
    // are copied. Populated at once: most of it is copied, and one call maps its pages faster
    // than a fault for each.
    const int fd = ::openat(m_target_dir.fd, path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    struct stat st {};
    void* map = ::fstat(fd, &st) == 0 && matches(st, *old)
                    ? ::mmap(nullptr, old->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
                    : MAP_FAILED;
    ::close(fd);
    if (map == MAP_FAILED) {
        return std::nullopt;
    }
    const std::size_t size = old->size;
    std::shared_ptr<const void> hold(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
    return render::PreviousFile{std::string_view(static_cast<const char*>(map), size), std::move(hold), old->parts};
}

void SiteWriter::put(const std::string& path, std::string bytes, const std::string& key) {
    put_parts(path, std::move(bytes), key, std::string());
}

void SiteWriter::put_parts(const std::string& path, std::string bytes, const std::string& key,
                           const std::string& parts) {
    const std::string rel = staged(path);
    const std::string hash = core::digest_of(bytes);
    if (const Manifest::File* old = old_file(path); old != nullptr && old->hash == hash && old->size == bytes.size()) {
        Manifest::File same = *old;
        same.key = key;
        same.parts = parts;
        if (link_old(path, same)) {
            return;
        }
    }
    // A file of the site before may be a link to a file of the current site: it is replaced,
    // never written into.
    if (before_file(path) != nullptr) {
        ::unlinkat(m_staging_dir.fd, rel.c_str(), 0);
    } else {
        make_parent(rel);
    }
    const int fd = ::openat(m_staging_dir.fd, rel.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    for (std::size_t done = 0; ok && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        ok = n > 0;
        done += ok ? static_cast<std::size_t>(n) : 0;
    }
    struct stat st {};
    ok = ok && ::fstat(fd, &st) == 0;
    if (fd >= 0) {
        ok = ::close(fd) == 0 && ok;
    }
    if (!ok) {
        throw WriteError(fmt::format("cannot write {}: {}", (m_staging / rel).generic_string(), std::strerror(errno)));
    }
    record(path, {key, hash, bytes.size(), mtime_ns(st), static_cast<std::uint64_t>(st.st_ino), parts}, true);
}

void SiteWriter::commit(Manifest manifest) {
    manifest.files = std::move(m_files);
    // The files of the site before that the new one does not have, and the folders they leave
    // empty (a folder sorts before the folders in it, so the reverse order empties them first).
    if (m_before) {
        std::set<std::string> folders;
        for (const auto& [path, f] : m_before->files) {
            if (manifest.files.contains(path)) {
                continue;
            }
            ::unlink((m_staging / path).c_str());
            for (fs::path folder = fs::path(path).parent_path(); !folder.empty(); folder = folder.parent_path()) {
                folders.insert(folder.generic_string());
            }
        }
        for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
            ::rmdir((m_staging / *it).c_str()); // fails, as it should, when something is left in it
        }
    }
    const std::string marker = manifest.to_json();
    {
        std::ofstream stream(m_staging / k_marker, std::ios::binary | std::ios::trunc);
        stream << marker;
        if (!stream.flush()) {
            throw WriteError(fmt::format("cannot write {}", (m_staging / k_marker).generic_string()));
        }
    }
    if (!fs::exists(fs::symlink_status(m_target))) {
        fs::rename(m_staging, m_target);
        m_committed = true;
        return;
    }
    // Every file is the old one and no old file is gone: the site did not change, so only
    // the manifest is replaced (atomically, by rename), and nothing else is touched. The
    // staged site, the same files, stays as the site before.
    if (m_written == 0 && m_old && m_old->files.size() == manifest.files.size()) {
        const fs::path next = m_target / (std::string(k_marker) + ".new");
        ::unlink(next.c_str());
        if (::link((m_staging / k_marker).c_str(), next.c_str()) != 0 ||
            ::rename(next.c_str(), (m_target / k_marker).c_str()) != 0) {
            const int error = errno;
            ::unlink(next.c_str());
            throw WriteError(fmt::format("cannot replace {}: {}", (m_target / k_marker).generic_string(),
                                         std::strerror(error)));
        }
        m_committed = true;
        return;
    }
    if (renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        throw WriteError(fmt::format("cannot replace {}: {}", m_target.generic_string(), std::strerror(error)));
    }
    m_committed = true;
    // The old site, now beside the new one, is kept for the next build if it was parkpress's
    // own: that build replaces only the files that differ in it.
    if (!m_old) {
        remove_any(m_staging);
    }
}

void check_output_folder(const fs::path& out) {
    const fs::path target = output_folder(out);
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (ec || !fs::exists(status)) {
        return; // a new folder
    }
    const std::string name = target.generic_string();
    if (fs::is_symlink(status)) {
        throw WriteError(fmt::format("refusing to replace {}: it is a symbolic link (give the folder it points to)", name));
    }
    if (!fs::is_directory(status)) {
        throw WriteError(fmt::format("refusing to replace {}: it is not a folder", name));
    }
    if (fs::exists(fs::symlink_status(target / k_marker, ec)) || fs::is_empty(target, ec) || target.filename() == "site") {
        return; // parkpress's own output, an empty folder, or site/
    }
    throw WriteError(fmt::format("refusing to replace {}: it is not empty and parkpress did not write it (it has no {}); "
                                 "give an empty or new folder, or site/",
                                 name, k_marker));
}

OutputLock::OutputLock(const fs::path& out) {
    const fs::path path = lock_path(out);
    fs::create_directories(path.parent_path());
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (m_fd < 0) {
        throw WriteError(fmt::format("cannot open {}: {}", path.generic_string(), std::strerror(errno)));
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        if (error == EWOULDBLOCK) {
            throw WriteError(fmt::format("another parkpress build is writing {}; try again when it has finished",
                                         output_folder(out).generic_string()));
        }
        throw WriteError(fmt::format("cannot lock {}: {}", path.generic_string(), std::strerror(error)));
    }
}

OutputLock::~OutputLock() {
    if (m_fd >= 0) {
        ::close(m_fd); // releases the lock
    }
}

} // namespace parkpress::write
