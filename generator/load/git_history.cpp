#include "load/git_history.hpp"

#include "core/process.hpp"
#include "load/git_content.hpp"

#include <charconv>
#include <exception>

namespace parkpress::load {
namespace {

/// Splits `text` at `separator`.
std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    while (true) {
        const std::size_t at = text.find(separator);
        out.push_back(text.substr(0, at));
        if (at == std::string_view::npos) {
            return out;
        }
        text.remove_prefix(at + 1);
    }
}

/// `path` (relative to the repository's top) relative to the content folder `content`
/// ("" for the top itself); nullopt when it is outside it.
std::optional<std::string> inside(std::string_view path, std::string_view content) {
    if (content.empty()) {
        return std::string(path);
    }
    if (path.size() > content.size() && path.starts_with(content) && path[content.size()] == '/') {
        return std::string(path.substr(content.size() + 1));
    }
    return std::nullopt;
}

/// The record separator and field separator of the log format.
constexpr char k_record = '\x1e';
constexpr char k_field = '\x1f';

} // namespace

ContentHistory ContentHistory::parse(std::string_view log, std::string_view content_path, std::set<std::string> dirty) {
    ContentHistory h;
    h.m_known = true;
    h.m_dirty = std::move(dirty);
    for (const std::string_view record : split(log, k_record)) {
        const std::size_t header_end = record.find('\0');
        if (record.empty() || header_end == std::string_view::npos) {
            continue;
        }
        const auto fields = split(record.substr(0, header_end), k_field);
        if (fields.size() < 4) {
            continue;
        }
        ContentCommit c;
        c.id = fields[0];
        std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), c.time);
        c.date = fields[2].substr(0, 10); // strict ISO 8601: "2024-03-01T10:20:30+08:00"
        c.subject = fields[3];
        for (std::string_view file : split(record.substr(header_end + 1), '\0')) {
            while (!file.empty() && file.front() == '\n') {
                file.remove_prefix(1);
            }
            if (auto rel = inside(file, content_path)) {
                c.files.push_back(std::move(*rel));
            }
        }
        h.m_commits.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < h.m_commits.size(); ++i) {
        for (const auto& file : h.m_commits[i].files) {
            h.m_last.try_emplace(file, i); // newest first: the first commit seen is the last change
        }
    }
    return h;
}

ContentHistory ContentHistory::read(const std::filesystem::path& content_dir) {
    try {
        const GitContent where = locate_git_content(content_dir);
        if (where.shallow) {
            return {};
        }
        const std::string top = where.top.string();
        std::vector<std::string> pathspec{"--", where.path.empty() ? std::string(".") : ":(literal)" + where.path};
        std::vector<std::string> log{"git", "-C", top, "log", "-z", "--no-renames", "--name-only",
                                     "--format=%x1e%H%x1f%ct%x1f%cI%x1f%s", "HEAD"};
        log.insert(log.end(), pathspec.begin(), pathspec.end());
        const auto history = core::run_process(log);
        if (history.status != 0) {
            return {}; // no commit yet, or git refused: say nothing
        }
        std::vector<std::string> status{"git", "-C", top, "status", "--porcelain=v1", "-z", "--untracked-files=all",
                                        "--no-renames"};
        status.insert(status.end(), pathspec.begin(), pathspec.end());
        const auto changed = core::run_process(status);
        if (changed.status != 0) {
            return {};
        }
        std::set<std::string> dirty;
        for (const std::string_view entry : split(changed.out, '\0')) {
            if (entry.size() > 3) { // "XY path"
                if (auto rel = inside(entry.substr(3), where.path)) {
                    dirty.insert(std::move(*rel));
                }
            }
        }
        return parse(history.out, where.path, std::move(dirty));
    } catch (const std::exception&) {
        return {}; // not a git work tree, or no git: say nothing
    }
}

const ContentCommit* ContentHistory::last_change(const std::string& file) const {
    if (!m_known || m_dirty.contains(file)) {
        return nullptr;
    }
    const auto it = m_last.find(file);
    return it == m_last.end() ? nullptr : &m_commits[it->second];
}

std::string ContentHistory::last_date(const std::vector<std::string>& files) const {
    const ContentCommit* newest = nullptr;
    for (const auto& file : files) {
        const ContentCommit* c = last_change(file);
        if (c == nullptr) {
            return {}; // one file's date is unknown: so is the page's
        }
        if (newest == nullptr || c->time > newest->time) {
            newest = c;
        }
    }
    return newest == nullptr ? std::string() : newest->date;
}

std::string ContentHistory::summary() const {
    if (!m_known) {
        return "no history";
    }
    std::string out = m_commits.empty() ? std::string("no commit") : m_commits.front().id;
    for (const auto& file : m_dirty) {
        out += '\n';
        out += file;
    }
    return out;
}

} // namespace parkpress::load
