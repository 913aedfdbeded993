#include "app/history.hpp"

#include "core/hash.hpp"
#include "load/content_loader.hpp"
#include "load/placeholders.hpp"
#include "load/validate.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace parkpress::app {

HistorySections::HistorySections(const std::filesystem::path& content_dir, const load::ContentHistory& history,
                                 const model::SiteModel& current, int changes)
    : m_history(history), m_current(current), m_changes(std::max(0, changes)), m_known(history.known()) {
    if (!m_known) {
        return;
    }
    try {
        m_where = load::locate_git_content(content_dir);
    } catch (const load::GitError&) {
        m_known = false; // the history was read a moment ago; say nothing rather than fail
        return;
    }
    const auto& commits = history.commits();
    const std::size_t n = std::min(commits.size(), static_cast<std::size_t>(m_changes));
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) {
        ids.push_back(commits[i].id);
    }
    const auto described = load::describe_commits(*m_where, ids);
    std::vector<std::string> revisions;
    for (const auto& d : described) {
        revisions.push_back(d.id);
        if (!d.parent.empty()) {
            revisions.push_back(d.parent);
        }
    }
    const auto trees = load::content_trees(*m_where, revisions);
    std::size_t t = 0;
    for (const auto& d : described) {
        compute::CommitToCompare c;
        c.commit = {d.id, d.date, d.subject};
        c.tree = trees.at(t++);
        c.parent = d.parent;
        c.parent_tree = d.parent.empty() ? std::string() : trees.at(t++);
        m_listed.push_back(std::move(c));
    }
    core::Hasher key;
    key.add(compute::commits_digest(m_listed)).add(m_where->path);
    m_changes_key = key.hex();
}

void HistorySections::resolve(core::Diagnostics& diagnostics) {
    // The newest commit that changed a file, whether or not the working tree changed it since.
    const auto last_change = [this](const std::string& file) -> std::optional<compute::CommitInfo> {
        for (const auto& c : m_history.commits()) {
            if (std::find(c.files.begin(), c.files.end(), file) != c.files.end()) {
                return compute::CommitInfo{c.id, c.date, c.subject};
            }
        }
        return std::nullopt;
    };
    const auto revision = [this](const std::string& name) -> std::optional<compute::CommitInfo> {
        std::string id;
        try {
            id = load::resolve_commit(*m_where, name);
        } catch (const load::GitError&) {
            return std::nullopt;
        }
        const auto d = load::describe_commits(*m_where, {id});
        return compute::CommitInfo{d.at(0).id, d.at(0).date, d.at(0).subject};
    };
    for (const auto& b : m_current.bulletins) {
        auto r = compute::resolve_since(m_current, b, m_known, last_change, revision);
        if (r.kind == compute::SinceResolution::Kind::error) {
            diagnostics.error(b.since_where, r.message);
        } else if (!r.message.empty()) {
            diagnostics.warning(b.since_where, r.message);
        }
        if (r.kind == compute::SinceResolution::Kind::resolved) {
            m_since.emplace(b.id, std::move(r));
        }
    }
}

std::shared_ptr<const compute::Revision> HistorySections::load(const std::string& commit) {
    auto revision = std::make_shared<compute::Revision>();
    try {
        const load::ContentAtCommit files(*m_where, commit.substr(0, 7), commit);
        core::Diagnostics diagnostics;
        auto content = load::load_content(files.root(), diagnostics);
        load::validate(content.model, diagnostics);
        load::check_placeholders(content.texts, diagnostics);
        if (diagnostics.has_errors()) {
            revision->errors = diagnostics.error_count();
        } else {
            revision->model = std::move(content.model);
        }
    } catch (const load::GitError&) {
        // No content folder at that commit, or git could not give it: no model, no errors.
    } catch (const load::ContentFolderError&) {
    }
    return revision;
}

const compute::ChangeLog& HistorySections::change_log() {
    const std::lock_guard lock(m_log_mutex);
    if (!m_log) {
        m_log = compute::changes_of(m_listed, [this](const std::string& commit) { return load(commit); });
    }
    return *m_log;
}

std::string HistorySections::bulletin_key(const model::Bulletin& bulletin) const {
    const auto it = m_since.find(bulletin.id);
    if (it == m_since.end()) {
        return {};
    }
    return it->second.commit.id + " " + m_where->path;
}

const compute::BulletinChanges* HistorySections::bulletin(const model::Bulletin& bulletin) {
    const auto since = m_since.find(bulletin.id);
    if (since == m_since.end()) {
        return nullptr;
    }
    const std::lock_guard lock(m_mutex);
    if (const auto done = m_bulletins.find(bulletin.id); done != m_bulletins.end()) {
        return done->second ? &*done->second : nullptr;
    }
    const compute::SinceResolution& r = since->second;
    auto diff = m_diffs.find(r.commit.id);
    if (diff == m_diffs.end()) {
        const auto before = load(r.commit.id);
        std::optional<compute::ContentDiff> d;
        if (before->model) {
            d = compute::diff(*before->model, m_current);
        }
        diff = m_diffs.emplace(r.commit.id, std::move(d)).first;
    }
    std::optional<compute::BulletinChanges> changes;
    if (diff->second) {
        changes = compute::bulletin_changes(*diff->second, m_current, bulletin);
        changes->via_bulletin = r.via_bulletin;
        changes->commit = r.commit;
        for (const auto& other : m_current.bulletins) {
            if (other.id == r.via_bulletin) {
                changes->via_number = other.number;
                changes->via_date = model::to_string(other.date);
            }
        }
    } else {
        m_late.push_back({core::Severity::warning, bulletin.since_where,
                          fmt::format("since = \"{}\": the content at commit {} cannot be compared (it has errors, or "
                                      "no content folder); the section 本期数据变化 is left out",
                                      bulletin.since, r.commit.id.substr(0, 7))});
    }
    const auto& stored = m_bulletins.emplace(bulletin.id, std::move(changes)).first->second;
    return stored ? &*stored : nullptr;
}

std::vector<core::Diagnostic> HistorySections::late_warnings() {
    const std::lock_guard lock(m_mutex);
    auto out = m_late;
    std::sort(out.begin(), out.end(), [](const core::Diagnostic& a, const core::Diagnostic& b) { return a.where < b.where; });
    return out;
}

} // namespace parkpress::app
