#include "load/git_history.hpp"

#include <catch2/catch.hpp>

using namespace parkpress;

namespace {

/// One record of `git log -z --name-only --format=%x1e%H%x1f%ct%x1f%cI%x1f%s`.
std::string record(const std::string& id, const std::string& time, const std::string& iso, const std::string& subject,
                   const std::vector<std::string>& files) {
    std::string out = "\x1e" + id + "\x1f" + time + "\x1f" + iso + "\x1f" + subject + std::string(1, '\0') + "\n";
    for (const auto& f : files) {
        out += f + std::string(1, '\0');
    }
    return out;
}

} // namespace

TEST_CASE("git history: the newest commit that changed a file gives its date", "[load]") {
    const std::string log =
        record("c3", "1709251200", "2024-03-01T08:00:00+08:00", "湖北：襄阳数据",
               {"content/parks/hubei/a.toml", "README.md"}) +
        record("c2", "1706745600", "2024-02-01T08:00:00+08:00", "河南：新增园区",
               {"content/parks/henan/b.toml", "content/parks/henan/b.md", "content/parks/hubei/a.toml"}) +
        record("c1", "1704067200", "2023-12-31T23:00:00-01:00", "first", {"content/provinces/henan.toml"});
    const auto h = load::ContentHistory::parse(log, "content", {"parks/henan/dirty.toml"});
    REQUIRE(h.known());
    REQUIRE(h.commits().size() == 3);
    CHECK(h.commits()[0].subject == "湖北：襄阳数据");
    CHECK(h.commits()[0].files == std::vector<std::string>{"parks/hubei/a.toml"}); // README.md is outside
    CHECK(h.last_change("parks/hubei/a.toml")->id == "c3");
    CHECK(h.last_change("parks/henan/b.md")->date == "2024-02-01");
    CHECK(h.last_change("provinces/henan.toml")->date == "2023-12-31"); // the committer's own date
    CHECK(h.last_change("parks/never.toml") == nullptr);
    // A set of files: the newest; unknown as soon as one file is unknown or not committed.
    CHECK(h.last_date({"provinces/henan.toml", "parks/henan/b.toml"}) == "2024-02-01");
    CHECK(h.last_date({"provinces/henan.toml", "parks/henan/dirty.toml"}).empty());
    CHECK(h.last_date({"provinces/henan.toml", "parks/never.toml"}).empty());
    CHECK(h.last_date({}).empty());
    // The summary changes with the newest commit and with the uncommitted files.
    CHECK(h.summary() == "c3\nparks/henan/dirty.toml");
    CHECK(load::ContentHistory::parse(log, "content", {}).summary() == "c3");
}

TEST_CASE("git history: a content folder at the top of its repository; no history", "[load]") {
    const auto h = load::ContentHistory::parse(
        record("c1", "1", "2024-01-02T00:00:00+00:00", "s", {"parks/henan/b.toml"}), "", {});
    CHECK(h.last_change("parks/henan/b.toml")->date == "2024-01-02");
    const load::ContentHistory none;
    CHECK_FALSE(none.known());
    CHECK(none.last_change("parks/henan/b.toml") == nullptr);
    CHECK(none.last_date({"parks/henan/b.toml"}).empty());
    // A folder that is not in a git work tree: unknown, no exception.
    CHECK_FALSE(load::ContentHistory::read("/").known());
}
