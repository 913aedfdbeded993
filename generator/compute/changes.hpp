#pragma once

#include "compute/diff.hpp"
#include "model/model.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace parkpress::compute {

/// A commit as the history gives it.
struct CommitInfo {
    std::string id;      ///< the full commit id
    std::string date;    ///< "2024-03-01", the committer's date
    std::string subject; ///< the first line of its message (untrusted text)
};

/// A commit to list on the changes page, with what is needed to compare it with its first
/// parent: the ids of the content folder's tree at both (equal trees are one content).
struct CommitToCompare {
    CommitInfo commit;
    std::string tree;        ///< the content folder's tree at the commit ("" when it has none)
    std::string parent;      ///< its first parent ("" for a root commit)
    std::string parent_tree; ///< the content folder's tree at the parent ("" when none)
};

/// The content at one revision: its model, or how many errors it had (then no model).
struct Revision {
    std::optional<model::SiteModel> model;
    std::size_t errors = 0;
};

/// One commit of the changes page.
struct CommitChanges {
    enum class Status {
        compared,      ///< `diff` is what the commit changed
        first,         ///< no content before it: `parks` ... `ranks` count what it added
        errors,        ///< the content at the commit has `errors` errors (0: it has no content folder)
        parent_errors, ///< the content before it has `errors` errors
    };
    CommitInfo commit;
    Status status = Status::compared;
    std::optional<ContentDiff> diff;
    std::size_t errors = 0;
    std::size_t parks = 0, facts = 0, targets = 0, ranks = 0;
};

/// The changes page: the last commits that changed the content, newest first.
struct ChangeLog {
    std::vector<CommitChanges> commits;
};

/// Loads the content at a commit (the content folder as committed there).
using LoadRevision = std::function<std::shared_ptr<const Revision>(const std::string& commit)>;

/// Compares each commit with its first parent, newest first. Contents with the same tree are
/// loaded once, and only two are held at a time: for a linear history of N commits, N + 1
/// loads. `load` is called newest first.
ChangeLog changes_of(const std::vector<CommitToCompare>& commits, const LoadRevision& load);

/// A digest of the commits a changes page lists (their ids, in order), for its page key.
std::string commits_digest(const std::vector<CommitToCompare>& commits);

/// What a bulletin's `since` names.
struct SinceResolution {
    enum class Kind {
        none,     ///< no `since`, or nothing can be said (see `warning`)
        resolved, ///< `commit` is the revision to compare with
        error,    ///< `message` is an error at the since key
    };
    Kind kind = Kind::none;
    CommitInfo commit;
    std::string via_bulletin; ///< the earlier bulletin's id when `since` names one
    std::string message;      ///< the error, or a warning when kind is none ("" when silent)
};

/// Resolves a bulletin's `since`. When it is the id of another bulletin (validation made sure
/// it is an earlier one), the revision is the newest commit that changed that bulletin's
/// file (`last_change(file)`): the content as it stood when that bulletin was issued.
/// Otherwise it is a git revision (`revision(name)`, nullopt when git has none).
/// `history_known` false (not a git checkout, a shallow clone): a warning, no section.
SinceResolution resolve_since(const model::SiteModel& model, const model::Bulletin& bulletin, bool history_known,
                              const std::function<std::optional<CommitInfo>(const std::string& file)>& last_change,
                              const std::function<std::optional<CommitInfo>(const std::string& revision)>& revision);

/// A bulletin's section 本期数据变化: what changed in the figures of its parks between the
/// content at `commit` and now.
struct BulletinChanges {
    std::string since;        ///< as written
    std::string via_bulletin; ///< the earlier bulletin's id, when `since` names one
    std::string via_number;   ///< its number ("2024年第1期") and date, for the text
    std::string via_date;
    CommitInfo commit;
    /// The bulletin's parks (as it selects them now) with facts, targets and ranks added,
    /// removed or changed: facts and targets of the bulletin's indicators only, every rank.
    /// Their fields and narratives are left out.
    std::vector<ParkChange> parks;
    [[nodiscard]] std::size_t count() const;
};

/// The part of `diff` (from the content at `commit` to `current`) that a bulletin shows.
BulletinChanges bulletin_changes(const ContentDiff& diff, const model::SiteModel& current, const model::Bulletin& bulletin);

} // namespace parkpress::compute
