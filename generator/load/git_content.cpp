#include "load/git_content.hpp"

#include "core/files.hpp"
#include "core/process.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace parkpress::load {
namespace fs = std::filesystem;
namespace {

/// Runs git in the work tree `top` with pathspecs read literally (a content path is not a glob).
core::ProcessResult git(const fs::path& top, std::vector<std::string> args, std::string_view input = {}) {
    args.insert(args.begin(), {"git", "--literal-pathspecs", "-C", top.string()});
    try {
        return core::run_process(args, input);
    } catch (const core::ProcessError& e) {
        if (e.error_number() == ENOENT) {
            throw GitError("git is not installed (Debian package git); it is needed to read content from commits");
        }
        throw GitError(e.what());
    }
}

/// Git's own message, for an error of ours: its first line without "fatal: ".
std::string git_says(const std::string& err) {
    std::string line = err.substr(0, err.find('\n'));
    for (std::string_view prefix : {"fatal: ", "error: "}) {
        if (line.starts_with(prefix)) {
            line.erase(0, prefix.size());
        }
    }
    return line.empty() ? "git gave no reason" : line;
}

std::string short_id(const std::string& commit) { return commit.substr(0, 7); }

std::string shown_path(const std::string& path) { return path.empty() ? "the top of the repository" : "\"" + path + "\""; }


struct TreeEntry {
    std::string oid;
    std::string path; ///< relative to the content folder
    bool link = false;
};

/// `git ls-tree -r -z` output: "MODE TYPE OID\tPATH\0" per file. Submodules are left out.
std::vector<TreeEntry> parse_tree(const std::string& listing, const std::string& content_path, bool& content_is_file) {
    std::vector<TreeEntry> entries;
    const std::string prefix = content_path.empty() ? "" : content_path + "/";
    std::size_t start = 0;
    while (start < listing.size()) {
        std::size_t end = listing.find('\0', start);
        if (end == std::string::npos) {
            end = listing.size();
        }
        const std::string_view record(listing.data() + start, end - start);
        start = end + 1;
        const std::size_t tab = record.find('\t');
        if (tab == std::string_view::npos) {
            throw GitError(fmt::format("git ls-tree printed a line parkpress does not understand: {}", record));
        }
        const std::string_view meta = record.substr(0, tab);
        const std::string_view path = record.substr(tab + 1);
        const std::size_t space1 = meta.find(' ');
        const std::size_t space2 = meta.find(' ', space1 + 1);
        if (space1 == std::string_view::npos || space2 == std::string_view::npos) {
            throw GitError(fmt::format("git ls-tree printed a line parkpress does not understand: {}", record));
        }
        const std::string_view mode = meta.substr(0, space1);
        const std::string_view type = meta.substr(space1 + 1, space2 - space1 - 1);
        if (path == content_path) {
            content_is_file = true;
            continue;
        }
        if (type != "blob" || !path.starts_with(prefix)) {
            continue; // a submodule (type "commit") has no files here
        }
        const std::string_view relative = path.substr(prefix.size());
        if (!core::is_plain_relative_path(relative)) {
            throw GitError(fmt::format("the commit holds a path parkpress will not write: \"{}\"", path));
        }
        entries.push_back({std::string(meta.substr(space2 + 1)), std::string(relative), mode == "120000"});
    }
    return entries;
}

/// `git cat-file --batch` output: "OID TYPE SIZE\n" + SIZE bytes + "\n" per object asked for.
std::vector<std::string_view> parse_blobs(const std::string& output, const std::vector<TreeEntry>& entries) {
    std::vector<std::string_view> blobs;
    blobs.reserve(entries.size());
    std::size_t pos = 0;
    for (const auto& entry : entries) {
        const std::size_t eol = output.find('\n', pos);
        if (eol == std::string::npos) {
            throw GitError(fmt::format("git cat-file stopped before \"{}\"", entry.path));
        }
        const std::string_view header(output.data() + pos, eol - pos);
        const std::size_t last_space = header.rfind(' ');
        if (!header.starts_with(entry.oid) || header.ends_with(" missing") || last_space == std::string_view::npos) {
            throw GitError(fmt::format("git cannot read \"{}\" ({}): is the repository complete?", entry.path, header));
        }
        const std::string size_text(header.substr(last_space + 1));
        char* size_end = nullptr;
        const unsigned long long size = std::strtoull(size_text.c_str(), &size_end, 10);
        if (size_end == size_text.c_str() || *size_end != '\0' || size > output.size() - eol - 1) {
            throw GitError(fmt::format("git cat-file printed a header parkpress does not understand: {}", header));
        }
        blobs.emplace_back(output.data() + eol + 1, size);
        pos = eol + 1 + size + 1;
    }
    return blobs;
}

/// Creates a new file (never through a link, never over an existing file) with these bytes.
void write_new_file(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw GitError(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            throw GitError(fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
}

} // namespace

GitContent locate_git_content(const fs::path& content_dir) {
    fs::path absolute = fs::absolute(content_dir).lexically_normal();
    if (!absolute.has_filename()) {
        absolute = absolute.parent_path(); // "content/"
    }
    // The folder may exist only in commits: ask git about the nearest folder that exists.
    std::vector<std::string> missing;
    fs::path existing = absolute;
    std::error_code ec;
    while (!fs::is_directory(existing, ec) && existing.has_relative_path()) {
        missing.push_back(existing.filename().string());
        existing = existing.parent_path();
    }
    const auto result = git(existing, {"rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"});
    if (result.status != 0) {
        throw GitError(fmt::format("content folder {} is not in a git work tree ({})", content_dir.string(), git_says(result.err)));
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = 0; (end = result.out.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(result.out.substr(start, end - start));
    }
    if (lines.size() != 3) {
        throw GitError(fmt::format("git rev-parse printed what parkpress does not understand: {}", result.out));
    }
    GitContent where;
    where.top = lines[0];
    where.path = lines[1];
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        where.path += *it + "/";
    }
    if (where.path.ends_with('/')) {
        where.path.pop_back();
    }
    where.shallow = lines[2] == "true";
    return where;
}

std::string resolve_commit(const GitContent& where, const std::string& revision) {
    if (revision.empty() || revision.starts_with('-')) {
        throw GitError(fmt::format("\"{}\" is not a revision", revision));
    }
    const auto result = git(where.top, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
    std::string commit = result.out.substr(0, result.out.find('\n'));
    if (result.status != 0 || commit.empty()) {
        throw GitError(fmt::format("unknown revision \"{}\": the repository {} has no such commit{}", revision,
                                   where.top.string(),
                                   where.shallow ? " (it is a shallow clone: `git fetch --unshallow` fetches the "
                                                   "older commits)"
                                                 : ""));
    }
    return commit;
}

std::vector<CommitDescription> describe_commits(const GitContent& where, const std::vector<std::string>& commits) {
    if (commits.empty()) {
        return {};
    }
    std::vector<std::string> args{"log", "--no-walk=unsorted", "-z", "--format=%H%x1f%P%x1f%cI%x1f%s"};
    for (const auto& c : commits) {
        if (c.empty() || c.starts_with('-')) {
            throw GitError(fmt::format("\"{}\" is not a commit id", c));
        }
        args.push_back(c);
    }
    const auto result = git(where.top, args);
    if (result.status != 0) {
        throw GitError(fmt::format("cannot describe commits: {}", git_says(result.err)));
    }
    std::map<std::string, CommitDescription> by_id;
    std::size_t start = 0;
    while (start < result.out.size()) {
        std::size_t end = result.out.find('\0', start);
        if (end == std::string::npos) {
            end = result.out.size();
        }
        std::string_view record(result.out.data() + start, end - start);
        start = end + 1;
        std::vector<std::string_view> fields;
        for (std::size_t at = 0; (at = record.find('\x1f')) != std::string_view::npos; record.remove_prefix(at + 1)) {
            fields.push_back(record.substr(0, at));
        }
        fields.push_back(record);
        if (fields.size() != 4) {
            throw GitError(fmt::format("git log printed a line parkpress does not understand: {}", record));
        }
        CommitDescription d;
        d.id = fields[0];
        d.parent = fields[1].substr(0, fields[1].find(' '));
        d.date = fields[2].substr(0, 10); // strict ISO 8601: "2024-03-01T10:20:30+08:00"
        d.subject = fields[3];
        by_id[d.id] = std::move(d);
    }
    std::vector<CommitDescription> out;
    for (const auto& c : commits) {
        const auto it = by_id.find(c);
        if (it == by_id.end()) {
            throw GitError(fmt::format("git log did not describe commit {}", c));
        }
        out.push_back(it->second);
    }
    return out;
}

std::vector<std::string> content_trees(const GitContent& where, const std::vector<std::string>& commits) {
    std::string input;
    for (const auto& c : commits) {
        input += where.path.empty() ? c + "^{tree}\n" : c + ":" + where.path + "\n";
    }
    const auto result = git(where.top, {"cat-file", "--batch-check=%(objectname) %(objecttype)"}, input);
    if (result.status != 0) {
        throw GitError(fmt::format("cannot list the content's trees: {}", git_says(result.err)));
    }
    std::vector<std::string> trees;
    std::size_t start = 0;
    for (std::size_t i = 0; i < commits.size(); ++i) {
        const std::size_t end = result.out.find('\n', start);
        if (end == std::string::npos) {
            throw GitError("git cat-file stopped early");
        }
        const std::string line = result.out.substr(start, end - start);
        start = end + 1;
        trees.push_back(line.ends_with(" tree") ? line.substr(0, line.size() - 5) : std::string());
    }
    return trees;
}

ContentAtCommit::ContentAtCommit(const GitContent& where, const std::string& revision, const std::string& commit) {
    const std::string label = fmt::format("revision \"{}\" ({})", revision, short_id(commit));
    std::vector<std::string> args{"ls-tree", "-r", "-z", commit};
    if (!where.path.empty()) {
        args.insert(args.end(), {"--", where.path});
    }
    const auto listing = git(where.top, args);
    if (listing.status != 0) {
        throw GitError(fmt::format("cannot list {}: {}", label, git_says(listing.err)));
    }
    bool content_is_file = false;
    const auto entries = parse_tree(listing.out, where.path, content_is_file);
    if (entries.empty()) {
        throw GitError(fmt::format("{} has no content folder at {}{}", label, shown_path(where.path),
                                   content_is_file ? " (a file is there)" : ""));
    }
    std::string input;
    for (const auto& e : entries) {
        input += e.oid + '\n';
    }
    const auto objects = git(where.top, {"cat-file", "--batch"}, input);
    if (objects.status != 0) {
        throw GitError(fmt::format("cannot read {}: {}", label, git_says(objects.err)));
    }
    const auto blobs = parse_blobs(objects.out, entries);

    std::string pattern = (fs::temp_directory_path() / "parkpress-commit-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw GitError(fmt::format("cannot create a temporary folder: {}", std::strerror(errno)));
    }
    m_temp = pattern;
    m_root = m_temp / "content";
    try {
        fs::create_directory(m_root);
        // Links last, so that no file is ever written through one (git refuses a path
        // "beyond a symbolic link" the same way).
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (!entries[i].link) {
                write_new_file(m_root / entries[i].path, blobs[i]);
            }
        }
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].link) {
                const fs::path link = m_root / entries[i].path;
                fs::create_directories(link.parent_path());
                fs::create_symlink(std::string(blobs[i]), link);
            }
        }
    } catch (const fs::filesystem_error& e) {
        std::error_code ignored;
        fs::remove_all(m_temp, ignored);
        throw GitError(fmt::format("cannot copy {} into a temporary folder: {}", label, e.what()));
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(m_temp, ignored);
        throw;
    }
}

ContentAtCommit::~ContentAtCommit() {
    std::error_code ignored;
    fs::remove_all(m_temp, ignored);
}

} // namespace parkpress::load
