#pragma once

#include "render/output.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

namespace parkpress::write {

class WriteError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The file parkpress leaves in every output folder it writes, so that it can tell its own
/// output from a folder it must not replace. It holds the build's manifest (JSON).
inline constexpr const char* k_marker = ".parkpress-output";

/// What one build wrote, kept in the marker so that the next build can reuse it.
struct Manifest {
    struct File {
        std::string key;  ///< digest of the inputs the file was made from ("" if not tracked)
        std::string hash; ///< digest of its bytes
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
        std::uint64_t inode = 0;  ///< tells a file from another with the same size and time
        std::string parts;        ///< the index of its parts (Sink::put_parts), if it has one
    };
    std::string inputs;      ///< digest of every input file and option (see input_fingerprint)
    std::string report_out;  ///< what the build printed on stdout before its summary
    std::string report_err;  ///< and on stderr (the warnings)
    std::size_t pages = 0;
    std::map<std::string, File> files; ///< by path relative to the output folder

    [[nodiscard]] std::string to_json() const;
    /// nullopt when the text is not a manifest of this version.
    static std::optional<Manifest> from_json(const std::string& text);
};

/// The manifest an earlier build left in `out`, if any.
std::optional<Manifest> read_manifest(const std::filesystem::path& out);
/// Whether the files in `out` are all still exactly as the build of `manifest` left them
/// (same set of files, sizes and modification times).
bool is_intact(const std::filesystem::path& out, const Manifest& manifest);
/// The manifest of an earlier build in `out`, if `out` is intact.
std::optional<Manifest> intact_output(const std::filesystem::path& out);

/// `out` as an absolute, normal path without a trailing slash: the folder that is replaced.
std::filesystem::path output_folder(const std::filesystem::path& out);
/// Where a build keeps the site before the current one: `.NAME.parkpress-previous` beside `out`.
std::filesystem::path previous_site_path(const std::filesystem::path& out);
/// The manifest of the site before the current one, if that site is exactly as it says
/// (intact_output(previous_site_path(out))). Only reads: a build may check it while it loads.
std::optional<Manifest> intact_previous_site(const std::filesystem::path& out);
/// Makes the site before from the current site in `out` (whose manifest is `current`): a hard
/// link to each of its files that is as `current` says, with a manifest of those. A rebuild
/// that has no site before (the first after a cold build) then stages in it like any other,
/// and the links are made while the content loads rather than while pages are written.
/// nullopt, and nothing left, where hard links cannot be made.
std::optional<Manifest> link_previous_site(const std::filesystem::path& out, const Manifest& current);
/// The lock file of builds into `out`: `.NAME.parkpress-lock` beside it.
std::filesystem::path lock_path(const std::filesystem::path& out);
/// Where builds into `out` keep what speeds up the next one (load::ParkCache): beside it,
/// `.NAME.parkpress-cache`.
std::filesystem::path cache_path(const std::filesystem::path& out);
/// Where builds into `out` keep the content files' metadata and digests (load::FileStats):
/// beside it, `.NAME.parkpress-files`.
std::filesystem::path file_stats_path(const std::filesystem::path& out);

/// Throws WriteError unless `out` may be replaced by a build: a folder that does not exist, an
/// empty folder, an earlier parkpress output (it has the marker) or a folder named `site`.
/// A symbolic link or a file is refused too. It keeps `--out ~` from replacing a home.
void check_output_folder(const std::filesystem::path& out);

/// Holds an exclusive lock (flock) on `lock_path(out)` while it lives, so that two builds
/// never write the same output. Throws WriteError at once if another process holds it.
class OutputLock {
public:
    explicit OutputLock(const std::filesystem::path& out);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

private:
    int m_fd = -1;
};

/// A folder open for the *at() calls (its path looked up once, a link to it not followed),
/// closed when it goes. `fd` is -1 when it could not be opened.
struct OpenFolder {
    int fd = -1;
    OpenFolder() = default;
    explicit OpenFolder(const std::filesystem::path& path);
    ~OpenFolder();
    OpenFolder(OpenFolder&& other) noexcept;
    OpenFolder& operator=(OpenFolder&& other) noexcept;
    OpenFolder(const OpenFolder&) = delete;
    OpenFolder& operator=(const OpenFolder&) = delete;
};

/// Writes a new site into a staging folder beside `out` as files arrive (from any thread),
/// then `commit()` swaps it with `out` in one atomic rename (renameat2 RENAME_EXCHANGE).
/// Destroyed without commit, it removes the staging folder: `out` is left exactly as it was.
///
/// Files of the previous build are reused by hard link, so they keep their modification
/// times: a file whose inputs did not change (`reuse`), or whose new bytes equal the old.
///
/// The staging folder is `previous_site_path(out)`. After the swap it holds the old site,
/// which the next build stages in: when it is intact, only the files that differ between it
/// and the new site are replaced, so a rebuild costs what changed, not the size of the site.
/// Its manifest is removed before it changes, so a build killed then leaves no stale site
/// to trust. Files are never written in place (they may be shared with the live site).
class SiteWriter : public render::Sink {
public:
    /// `previous`: the manifest in `out`, when the caller has read it already.
    explicit SiteWriter(const std::filesystem::path& out);
    SiteWriter(const std::filesystem::path& out, std::optional<Manifest> previous);
    /// `before`: what intact_previous_site(out) found, when the caller has checked it already
    /// (nothing may have written beside `out` since).
    SiteWriter(const std::filesystem::path& out, std::optional<Manifest> previous, std::optional<Manifest> before);
    ~SiteWriter() override;
    SiteWriter(const SiteWriter&) = delete;
    SiteWriter& operator=(const SiteWriter&) = delete;

    /// Writes one file into the staging folder (or links the old one if its bytes are the
    /// same). Throws WriteError for a path outside it.
    void put(const std::string& path, std::string bytes, const std::string& key) override;
    void put_parts(const std::string& path, std::string bytes, const std::string& key,
                   const std::string& parts) override;
    using render::Sink::put;
    /// Takes the previous build's file if it was made from inputs with the same key.
    bool reuse(const std::string& path, const std::string& key) override;
    /// The file of the current output at `path` with its parts, if it is as its build left it.
    std::optional<render::PreviousFile> previous(const std::string& path) override;
    /// Makes the staged site the output, with `manifest`'s report fields. Throws WriteError.
    void commit(Manifest manifest);

    [[nodiscard]] std::size_t written() const { return m_written; }
    [[nodiscard]] std::size_t kept() const { return m_kept; }

private:
    /// Opens `out` and makes the staging folder: `before` (the intact site before) when there
    /// is one.
    void stage(std::optional<Manifest> before);
    /// Makes the folders the file at `rel` goes in, in the staging folder. Most pages are
    /// alone in a new folder whose parent exists, so one mkdirat() usually does it.
    bool make_parent(const std::string& rel) const;
    /// The old file at `path` if the old manifest has it and it is untouched.
    const Manifest::File* old_file(const std::string& path) const;
    /// The file at `path` in the site before, staged here, if there is one.
    const Manifest::File* before_file(const std::string& path) const;
    void record(const std::string& path, const Manifest::File& file, bool written);
    bool link_old(const std::string& path, const Manifest::File& old);
    /// `path` relative to the staging folder, normal; throws WriteError if it is outside.
    std::string staged(const std::string& path) const;

    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    OpenFolder m_target_dir;  ///< `out` (fd -1 when there is none)
    OpenFolder m_staging_dir; ///< the staging folder
    bool m_committed = false;
    std::optional<Manifest> m_old;    ///< the manifest of `out`
    std::optional<Manifest> m_before; ///< the manifest of the staging folder, if it is reused
    std::mutex m_mutex;
    std::map<std::string, Manifest::File> m_files;
    std::size_t m_written = 0;
    std::size_t m_kept = 0;
};

} // namespace parkpress::write
