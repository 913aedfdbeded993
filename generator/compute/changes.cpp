#include "compute/changes.hpp"

#include "core/hash.hpp"
#include "core/text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <set>

namespace parkpress::compute {
namespace {

void count_content(CommitChanges& out, const model::SiteModel& model) {
    out.parks = model.parks.size();
    for (const auto& p : model.parks) {
        out.facts += p.facts.size();
        out.targets += p.targets.size();
        out.ranks += p.ranks.size();
    }
}

} // namespace

ChangeLog changes_of(const std::vector<CommitToCompare>& commits, const LoadRevision& load) {
    ChangeLog log;
    // The content last loaded as a parent: the next (older) commit's own content in a linear
    // history, so each content is loaded once.
    std::string held_tree;
    std::shared_ptr<const Revision> held;
    for (const auto& c : commits) {
        CommitChanges out;
        out.commit = c.commit;
        std::shared_ptr<const Revision> after;
        if (c.tree.empty()) {
            after = std::make_shared<const Revision>(); // the commit removed the content folder
        } else if (held && c.tree == held_tree) {
            after = std::move(held);
        } else {
            held.reset(); // not needed again: free it before loading the next
            after = load(c.commit.id);
        }
        held.reset();
        held_tree.clear();
        if (!after->model) {
            out.status = CommitChanges::Status::errors;
            out.errors = after->errors;
        } else if (c.parent.empty() || c.parent_tree.empty()) {
            out.status = CommitChanges::Status::first;
            count_content(out, *after->model);
        } else {
            std::shared_ptr<const Revision> before = c.parent_tree == c.tree ? after : load(c.parent);
            if (before->model) {
                out.diff = diff(*before->model, *after->model);
            } else {
                out.status = CommitChanges::Status::parent_errors;
                out.errors = before->errors;
            }
            held = std::move(before);
            held_tree = c.parent_tree;
        }
        log.commits.push_back(std::move(out));
    }
    return log;
}

std::string commits_digest(const std::vector<CommitToCompare>& commits) {
    core::Hasher h;
    h.add("changes");
    for (const auto& c : commits) {
        h.add(c.commit.id).add(c.parent);
    }
    return h.hex();
}

SinceResolution resolve_since(const model::SiteModel& model, const model::Bulletin& bulletin, bool history_known,
                              const std::function<std::optional<CommitInfo>(const std::string& file)>& last_change,
                              const std::function<std::optional<CommitInfo>(const std::string& revision)>& revision) {
    SinceResolution r;
    const std::string& since = bulletin.since;
    if (since.empty()) {
        return r;
    }
    if (!history_known) {
        r.message = fmt::format("since = \"{}\": no git history here (not a git checkout, or a shallow clone); the "
                                "section 本期数据变化 is left out",
                                since);
        return r;
    }
    std::vector<std::string> ids;
    for (const auto& other : model.bulletins) {
        if (other.id == bulletin.id) {
            continue;
        }
        ids.push_back(other.id);
        if (other.id != since) {
            continue;
        }
        const auto commit = last_change(other.file);
        if (!commit) {
            r.message = fmt::format("since = \"{}\": bulletin {} has not been committed yet, so no commit holds the "
                                    "figures it was issued with; the section 本期数据变化 is left out",
                                    since, since);
            return r;
        }
        r.kind = SinceResolution::Kind::resolved;
        r.commit = *commit;
        r.via_bulletin = other.id;
        return r;
    }
    if (const auto commit = revision(since)) {
        r.kind = SinceResolution::Kind::resolved;
        r.commit = *commit;
        return r;
    }
    r.kind = SinceResolution::Kind::error;
    r.message = fmt::format("since = \"{}\" is neither the id of another bulletin nor a git revision{}", since,
                            core::did_you_mean(since, ids));
    return r;
}

std::size_t BulletinChanges::count() const {
    std::size_t n = 0;
    for (const auto& p : parks) {
        n += p.facts.size() + p.targets.size() + p.ranks.size();
    }
    return n;
}

BulletinChanges bulletin_changes(const ContentDiff& diff, const model::SiteModel& current, const model::Bulletin& bulletin) {
    BulletinChanges out;
    out.since = bulletin.since;
    std::set<std::string> slugs;
    for (const model::Park* p : current.bulletin_parks(bulletin)) {
        slugs.insert(p->slug);
    }
    const std::set<std::string> indicators(bulletin.indicators.begin(), bulletin.indicators.end());
    for (const auto& p : diff.parks) {
        if (!slugs.contains(p.slug)) {
            continue; // parks the bulletin does not compare now (a removed park is in none)
        }
        ParkChange q;
        q.change = p.change;
        q.slug = p.slug;
        q.name = p.name;
        q.province = p.province;
        q.province_name = p.province_name;
        std::copy_if(p.facts.begin(), p.facts.end(), std::back_inserter(q.facts),
                     [&](const FactChange& f) { return indicators.contains(f.indicator); });
        std::copy_if(p.targets.begin(), p.targets.end(), std::back_inserter(q.targets),
                     [&](const TargetChange& t) { return indicators.contains(t.indicator); });
        q.ranks = p.ranks;
        if (!q.facts.empty() || !q.targets.empty() || !q.ranks.empty()) {
            out.parks.push_back(std::move(q));
        }
    }
    return out;
}

} // namespace parkpress::compute
