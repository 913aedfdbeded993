#pragma once

#include "compute/changes.hpp"
#include "core/diagnostics.hpp"
#include "load/git_content.hpp"
#include "load/git_history.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace parkpress::app {

/// What a build shows from the content's git history besides the working tree: the changes
/// page (the last `changes` commits that changed the content, each compared with its first
/// parent) and each bulletin's section 本期数据变化 (its figures compared with the content at
/// its `since`). Revisions are loaded from git only when a page that shows them is rendered,
/// each once; the keys come from commit ids alone. Outside a git work tree, or in a shallow
/// clone, there is no changes page and no section (with a warning for each `since`).
class HistorySections {
public:
    /// `current`: the loaded content, the later side of every comparison (never read from git).
    HistorySections(const std::filesystem::path& content_dir, const load::ContentHistory& history,
                    const model::SiteModel& current, int changes);

    /// Resolves every bulletin's `since`: an unknown one is an error, one that cannot be
    /// resolved here a warning, both at the since key. Throws load::GitError when git fails.
    void resolve(core::Diagnostics& diagnostics);

    /// Whether the site has a changes page.
    [[nodiscard]] bool has_changes_page() const { return m_known && m_changes > 0; }
    /// What the changes page shows depends on: the commits it lists.
    [[nodiscard]] const std::string& changes_key() const { return m_changes_key; }
    /// The changes page's data, computed on the first call. Safe from any thread.
    const compute::ChangeLog& change_log();

    /// What the bulletin's section depends on besides the bulletin's own inputs: the commit
    /// its `since` resolved to ("" when it has no section).
    [[nodiscard]] std::string bulletin_key(const model::Bulletin& bulletin) const;
    /// The bulletin's section, computed on the first call for its revision; nullptr when it
    /// has none (no `since`, no history, or the content at that revision has errors, which
    /// is a warning). Safe from any thread.
    const compute::BulletinChanges* bulletin(const model::Bulletin& bulletin);

    /// Warnings found while loading revisions for bulletins, in order, each once.
    std::vector<core::Diagnostic> late_warnings();

private:
    std::shared_ptr<const compute::Revision> load(const std::string& commit);

    const load::ContentHistory& m_history;
    const model::SiteModel& m_current;
    int m_changes = 0;
    bool m_known = false;
    std::optional<load::GitContent> m_where;
    std::vector<compute::CommitToCompare> m_listed;
    std::string m_changes_key;
    std::map<std::string, compute::SinceResolution> m_since; ///< by bulletin id: resolved ones

    std::mutex m_log_mutex; ///< the changes page's revisions
    std::optional<compute::ChangeLog> m_log;
    std::mutex m_mutex; ///< the bulletins' revisions, so that they need not wait for the page's
    /// The whole diff from each `since` commit to the current content (nullopt: that content
    /// has errors, or none).
    std::map<std::string, std::optional<compute::ContentDiff>> m_diffs;
    std::map<std::string, std::optional<compute::BulletinChanges>> m_bulletins;
    std::vector<core::Diagnostic> m_late;
};

} // namespace parkpress::app
