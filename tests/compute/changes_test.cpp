#include "compute/changes.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace parkpress;
using compute::Change;
using compute::CommitChanges;
using compute::CommitToCompare;
using compute::Revision;
using testing::SiteFixture;
using testing::model_of;
using testing::replaced;

namespace {

const std::string k_zone = "parks/henan/zmd-zone.toml";
const std::string k_island = "parks/henan/zmd-island.toml";
std::string base(const std::string& path) { return testing::base_files().at(path); }

std::shared_ptr<const Revision> revision_of(model::SiteModel model) {
    auto r = std::make_shared<Revision>();
    r->model = std::move(model);
    return r;
}

std::shared_ptr<const Revision> errors(std::size_t n) {
    auto r = std::make_shared<Revision>();
    r->errors = n;
    return r;
}

/// A loader of fixed revisions that records what it was asked for.
struct FakeGit {
    std::map<std::string, std::shared_ptr<const Revision>> revisions;
    std::vector<std::string> loads;
    compute::LoadRevision loader() {
        return [this](const std::string& commit) {
            loads.push_back(commit);
            return revisions.at(commit);
        };
    }
};

CommitToCompare commit(const std::string& id, const std::string& tree, const std::string& parent,
                       const std::string& parent_tree) {
    return {{id, "2024-01-0" + id.substr(1), "subject " + id}, tree, parent, parent_tree};
}

} // namespace

TEST_CASE("changes: each commit compared with its parent, each content loaded once", "[compute]") {
    SiteFixture site;
    const auto v1 = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "value = 103", "value = 110"));
    const auto v2 = model_of(site);
    site.set(k_island, replaced(base(k_island), "value = 18", "value = 20"));
    const auto v3 = model_of(site);
    FakeGit git;
    git.revisions = {{"c3", revision_of(v3)}, {"c2", revision_of(v2)}, {"c1", revision_of(v1)}, {"c0", revision_of(v1)}};
    // Newest first; c1's parent c0 has the same tree as c1 (a commit that changed only a README).
    const std::vector<CommitToCompare> commits{commit("c3", "t3", "c2", "t2"), commit("c2", "t2", "c1", "t1"),
                                               commit("c1", "t1", "c0", "t0")};
    const auto log = compute::changes_of(commits, git.loader());
    CHECK(git.loads == std::vector<std::string>{"c3", "c2", "c1", "c0"}); // N + 1 for N commits
    REQUIRE(log.commits.size() == 3);
    CHECK(log.commits[0].commit.id == "c3");
    CHECK(log.commits[0].commit.date == "2024-01-03");
    CHECK(log.commits[0].commit.subject == "subject c3");
    REQUIRE(log.commits[0].status == CommitChanges::Status::compared);
    REQUIRE(log.commits[0].diff->parks.size() == 1);
    CHECK(log.commits[0].diff->parks[0].slug == "zmd-island");
    REQUIRE(log.commits[0].diff->parks[0].facts.size() == 1);
    CHECK(log.commits[0].diff->parks[0].facts[0].change == Change::changed);
    REQUIRE(log.commits[1].diff->parks.size() == 1);
    CHECK(log.commits[1].diff->parks[0].slug == "zmd-zone");
    REQUIRE(log.commits[2].status == CommitChanges::Status::compared);
    CHECK(log.commits[2].diff->empty());
}

TEST_CASE("changes: a commit without content before it counts what it added", "[compute]") {
    SiteFixture site;
    FakeGit git;
    git.revisions = {{"c1", revision_of(model_of(site))}};
    const auto log = compute::changes_of({commit("c1", "t1", "c0", ""), commit("c0", "", "", "")}, git.loader());
    CHECK(git.loads == std::vector<std::string>{"c1"});
    REQUIRE(log.commits.size() == 2);
    CHECK(log.commits[0].status == CommitChanges::Status::first);
    CHECK(log.commits[0].parks == 2);
    CHECK(log.commits[0].facts == 3);
    CHECK(log.commits[0].ranks == 1);
    CHECK(log.commits[0].targets == 1);
    CHECK_FALSE(log.commits[0].diff);
    // A commit that removed the content folder: nothing to load, nothing to compare.
    CHECK(log.commits[1].status == CommitChanges::Status::errors);
    CHECK(log.commits[1].errors == 0);
}

TEST_CASE("changes: content errors at a revision are said, not fatal", "[compute]") {
    SiteFixture site;
    const auto good = model_of(site);
    FakeGit git;
    git.revisions = {{"c3", revision_of(good)}, {"c2", errors(2)}, {"c1", revision_of(good)}, {"c0", revision_of(good)}};
    const std::vector<CommitToCompare> commits{commit("c3", "t3", "c2", "t2"), commit("c2", "t2", "c1", "t1"),
                                               commit("c1", "t1", "c0", "t0")};
    const auto log = compute::changes_of(commits, git.loader());
    CHECK(git.loads == std::vector<std::string>{"c3", "c2", "c1", "c0"});
    REQUIRE(log.commits.size() == 3);
    CHECK(log.commits[0].status == CommitChanges::Status::parent_errors);
    CHECK(log.commits[0].errors == 2);
    CHECK(log.commits[1].status == CommitChanges::Status::errors);
    CHECK(log.commits[1].errors == 2);
    CHECK(log.commits[2].status == CommitChanges::Status::compared);
}

TEST_CASE("changes: the page's key follows the listed commits", "[compute]") {
    const std::vector<CommitToCompare> a{commit("c2", "t2", "c1", "t1"), commit("c1", "t1", "", "")};
    const std::vector<CommitToCompare> b{commit("c3", "t3", "c2", "t2"), commit("c2", "t2", "c1", "t1")};
    CHECK(compute::commits_digest(a) == compute::commits_digest(a));
    CHECK(compute::commits_digest(a) != compute::commits_digest(b));
    CHECK(compute::commits_digest(a) != compute::commits_digest({}));
}

namespace {

/// A fixture with bulletins 2024-1 (2024-03-31) and 2024-2 (2024-06-30, since = `since`).
SiteFixture& with_second_bulletin(SiteFixture& site, const std::string& since, const std::string& date = "2024-06-30") {
    site.set("bulletins/2024-2.toml", "title = \"测试通报\"\nnumber = \"2024年第2期\"\ndate = " + date +
                                          "\nindicators = [\"signed_investment\"]\nperiod = 2023\nsince = \"" + since +
                                          "\"\n");
    return site;
}

/// What check says with that second bulletin.
std::string checked_with(const std::string& since, const std::string& date = "2024-06-30") {
    SiteFixture site;
    return with_second_bulletin(site, since, date).check();
}

struct Calls {
    std::vector<std::string> files;
    std::vector<std::string> revisions;
};

compute::SinceResolution resolve(const model::SiteModel& model, bool known, Calls& calls, bool committed = true) {
    const model::Bulletin* second = nullptr;
    for (const auto& b : model.bulletins) {
        second = b.id == "2024-2" ? &b : second;
    }
    REQUIRE(second != nullptr);
    return compute::resolve_since(
        model, *second, known,
        [&](const std::string& file) -> std::optional<compute::CommitInfo> {
            calls.files.push_back(file);
            if (!committed) {
                return std::nullopt;
            }
            return compute::CommitInfo{"aaaaaaaaaa", "2024-04-01", "bulletin 2024-1"};
        },
        [&](const std::string& name) -> std::optional<compute::CommitInfo> {
            calls.revisions.push_back(name);
            if (name == "v1") {
                return compute::CommitInfo{"bbbbbbbbbb", "2024-02-01", "v1"};
            }
            return std::nullopt;
        });
}

} // namespace

TEST_CASE("since: an earlier bulletin's id is the last commit of its file", "[compute]") {
    SiteFixture site;
    with_second_bulletin(site, "2024-1");
    const auto model = model_of(site);
    Calls calls;
    const auto r = resolve(model, true, calls);
    CHECK(r.kind == compute::SinceResolution::Kind::resolved);
    CHECK(r.commit.id == "aaaaaaaaaa");
    CHECK(r.via_bulletin == "2024-1");
    CHECK(r.message.empty());
    CHECK(calls.files == std::vector<std::string>{"bulletins/2024-1.toml"});
    CHECK(calls.revisions.empty()); // a bulletin's id wins over a revision of the same name
}

TEST_CASE("since: a bulletin not committed yet leaves the section out, with a warning", "[compute]") {
    SiteFixture site;
    with_second_bulletin(site, "2024-1");
    const auto model = model_of(site);
    Calls calls;
    const auto r = resolve(model, true, calls, false);
    CHECK(r.kind == compute::SinceResolution::Kind::none);
    CHECK(r.message == "since = \"2024-1\": bulletin 2024-1 has not been committed yet, so no commit holds the "
                       "figures it was issued with; the section 本期数据变化 is left out");
}

TEST_CASE("since: otherwise a git revision", "[compute]") {
    SiteFixture site;
    with_second_bulletin(site, "v1");
    const auto model = model_of(site);
    Calls calls;
    const auto r = resolve(model, true, calls);
    CHECK(r.kind == compute::SinceResolution::Kind::resolved);
    CHECK(r.commit.id == "bbbbbbbbbb");
    CHECK(r.via_bulletin.empty());
    CHECK(calls.revisions == std::vector<std::string>{"v1"});
}

TEST_CASE("since: neither a bulletin nor a revision is an error", "[compute]") {
    SiteFixture site;
    with_second_bulletin(site, "2024-l");
    const auto model = model_of(site);
    Calls calls;
    const auto r = resolve(model, true, calls);
    CHECK(r.kind == compute::SinceResolution::Kind::error);
    CHECK(r.message == "since = \"2024-l\" is neither the id of another bulletin nor a git revision; did you mean "
                       "\"2024-1\"?");
}

TEST_CASE("since: without history, a warning and no section", "[compute]") {
    SiteFixture site;
    with_second_bulletin(site, "2024-1");
    const auto model = model_of(site);
    Calls calls;
    const auto r = resolve(model, false, calls);
    CHECK(r.kind == compute::SinceResolution::Kind::none);
    CHECK(r.message == "since = \"2024-1\": no git history here (not a git checkout, or a shallow clone); the "
                       "section 本期数据变化 is left out");
    CHECK(calls.files.empty());
    CHECK(calls.revisions.empty());
}

TEST_CASE("since: validated by check: not itself, not a later bulletin, not empty", "[compute]") {
    CHECK(checked_with("2024-2") ==
          "bulletins/2024-2.toml:6:9: error: since = \"2024-2\" is this bulletin itself: name an earlier bulletin or "
          "a git revision\n");
    CHECK(checked_with("2024-1", "2024-03-31") ==
          "bulletins/2024-2.toml:6:9: error: since = \"2024-1\": that bulletin is dated 2024-03-31, not before this "
          "one (2024-03-31); name an earlier bulletin\n");
    CHECK(checked_with("") ==
          "bulletins/2024-2.toml:6:9: error: since is empty: write an earlier bulletin's id or a git revision, or "
          "leave the key out\n");
    CHECK(checked_with("2024-1").empty());
    CHECK(checked_with("HEAD~3").empty()); // revisions are resolved by build
}

TEST_CASE("since: the section lists the bulletin's parks and indicators only", "[compute]") {
    SiteFixture site;
    const auto before = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "value = 103", "value = 110"));          // signed_investment
    // projects_signed (not the bulletin's indicator), and a target of signed_investment
    site.set(k_island, replaced(replaced(base(k_island), "value = 18", "value = 20"), "value = 50\n", "value = 60\n"));
    const auto after = model_of(site);
    const auto d = compute::diff(before, after);
    REQUIRE(d.parks.size() == 2);
    const auto changes = compute::bulletin_changes(d, after, after.bulletins.at(0));
    REQUIRE(changes.parks.size() == 2);
    CHECK(changes.parks[0].slug == "zmd-island");
    CHECK(changes.parks[0].facts.empty()); // projects_signed is not the bulletin's indicator
    REQUIRE(changes.parks[0].targets.size() == 1);
    CHECK(changes.parks[0].targets[0].indicator == "signed_investment");
    CHECK(changes.parks[1].slug == "zmd-zone");
    REQUIRE(changes.parks[1].facts.size() == 1);
    CHECK(changes.count() == 2);
}
