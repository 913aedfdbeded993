#include "load/park_cache.hpp"

#include "compute/site_index.hpp"
#include "load/content_loader.hpp"
#include "load/fingerprint.hpp"
#include "core/hash.hpp"
#include "load/theme_loader.hpp"
#include "load/validate.hpp"
#include "render/site.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>
#include <fmt/core.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sys/stat.h>

using namespace parkpress;

namespace {

/// Writes the fixture's files, then loads them with `cache`.
load::LoadedContent load_with(testing::SiteFixture& site, const load::ParkCache& cache, core::Diagnostics& d) {
    core::Diagnostics scratch;
    (void)site.load(scratch);
    auto content = load::load_content(site.root(), d, &cache);
    load::validate(content.model, d);
    d.sort();
    return content;
}

render::OutputFiles site_of(const load::LoadedContent& content) {
    const auto theme = load::load_theme(std::string(PARKPRESS_SOURCE_DIR) + "/themes/default");
    return render::render_site(content.model, compute::build_index(content.model), theme, false, 1);
}

/// The fixture's parks as loaded, each name marked "（缓存）" so that a park taken from a cache
/// of them can be told from one loaded from its files.
load::LoadedContent marked_parks(testing::SiteFixture& site, core::Diagnostics& d) {
    auto loaded = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    for (auto& p : loaded.model.parks) {
        p.name += "（缓存）";
    }
    return loaded;
}

} // namespace

TEST_CASE("park cache: parks from the cache are the parks loaded from their files", "[load]") {
    testing::SiteFixture site;
    core::Diagnostics d1;
    const auto loaded = site.load(d1);
    REQUIRE_FALSE(d1.has_errors());
    const std::string bytes = load::ParkCache::serialize("parkpress test", loaded);
    const auto cache = load::ParkCache::deserialize(bytes, "parkpress test");
    REQUIRE(cache.size() == loaded.model.parks.size());

    core::Diagnostics d2;
    const auto cached = load_with(site, cache, d2);
    // The same model, byte for byte as the cache encodes it, and the same site.
    CHECK(load::ParkCache::serialize("parkpress test", cached) == bytes);
    CHECK(site_of(cached) == site_of(loaded));
    CHECK(d2.all().size() == d1.all().size());
    // Written again from an old cache that holds every park, the cache is the same.
    CHECK(load::ParkCache::serialize("parkpress test", cached, &cache) == bytes);
}

TEST_CASE("park cache: a park is taken from the cache only when its files are the same", "[load]") {
    testing::SiteFixture site;
    core::Diagnostics d;
    // A cache whose parks say where they came from, with a warning for one of them.
    auto loaded = marked_parks(site, d);
    const model::Park& island = *loaded.model.find_park("zmd-island");
    loaded.park_diagnostics.push_back({core::Severity::warning, {island.file, 3, 1}, "a warning kept in the cache"});
    const auto cache = load::ParkCache::deserialize(load::ParkCache::serialize("p", loaded), "p");
    REQUIRE(cache.size() == 2);

    SECTION("unchanged files: both parks, and the warning, come from the cache") {
        core::Diagnostics d2;
        const auto again = load_with(site, cache, d2);
        CHECK(again.model.find_park("zmd-island")->name.ends_with("（缓存）"));
        CHECK(again.model.find_park("zmd-zone")->name.ends_with("（缓存）"));
        REQUIRE(d2.warning_count() == d.warning_count() + 1);
    }
    SECTION("a changed park file or narrative: that park is loaded from its files") {
        site.set("parks/henan/zmd-zone.toml", testing::base_files().at("parks/henan/zmd-zone.toml") + "\n# 改了\n");
        site.set("parks/henan/zmd-island.md", "改写的叙述。\n");
        core::Diagnostics d2;
        const auto again = load_with(site, cache, d2);
        CHECK_FALSE(again.model.find_park("zmd-zone")->name.ends_with("（缓存）"));
        CHECK_FALSE(again.model.find_park("zmd-island")->name.ends_with("（缓存）"));
        CHECK(again.model.find_park("zmd-island")->narrative->text == "改写的叙述。\n");
        CHECK(d2.warning_count() == d.warning_count());
    }
    SECTION("a changed indicators file: every park is loaded from its files") {
        site.set("indicators.toml", testing::base_files().at("indicators.toml") + "\n# 改了\n");
        core::Diagnostics d2;
        const auto again = load_with(site, cache, d2);
        CHECK_FALSE(again.model.find_park("zmd-island")->name.ends_with("（缓存）"));
        CHECK_FALSE(again.model.find_park("zmd-zone")->name.ends_with("（缓存）"));
    }
}

TEST_CASE("park cache: with the files' digests known beforehand, cached parks are not read", "[load]") {
    testing::SiteFixture site;
    core::Diagnostics d;
    const auto loaded = marked_parks(site, d);
    const auto cache = load::ParkCache::deserialize(load::ParkCache::serialize("p", loaded), "p");
    // The digests of the files as the cache knows them (what the build's fingerprint read).
    auto known = load::tree_digests(site.root());
    REQUIRE(known);
    // Then a park file changes on disk: the loader trusts the digests it is given and does
    // not read the file again; without them it reads and parses it.
    const std::string zone = "parks/henan/zmd-zone.toml";
    site.set(zone, testing::base_files().at(zone) + "\n# 改了\n");
    core::Diagnostics scratch;
    (void)site.load(scratch); // writes the files
    core::Diagnostics d1;
    const auto unread = load::load_content(site.root(), d1, &cache, &*known);
    CHECK(unread.model.find_park("zmd-zone")->name.ends_with("（缓存）"));
    CHECK(unread.model.find_park("zmd-island")->name.ends_with("（缓存）"));
    CHECK_FALSE(unread.texts.contains(zone));
    CHECK(unread.digests.at(zone) == known->files.at(zone));
    // What a diagnostic quotes is read when asked for.
    CHECK(load::text_of(unread, zone) == testing::base_files().at(zone) + "\n# 改了\n");
    CHECK(load::text_of(unread, "site.toml") == unread.texts.at("site.toml"));
    CHECK_FALSE(load::text_of(unread, "parks/henan/missing.toml"));
    CHECK_FALSE(load::text_of(unread, "parks/henan")); // a folder
    core::Diagnostics d2;
    const auto read = load::load_content(site.root(), d2, &cache);
    CHECK_FALSE(read.model.find_park("zmd-zone")->name.ends_with("（缓存）"));
    CHECK(read.model.find_park("zmd-island")->name.ends_with("（缓存）"));
    CHECK(read.digests.at(zone) == core::digest_of(testing::base_files().at(zone) + "\n# 改了\n"));
    // Digests that the cache does not have: the file is read.
    auto other = *known;
    other.files[zone] = core::digest_of("something else");
    core::Diagnostics d3;
    const auto mismatch = load::load_content(site.root(), d3, &cache, &other);
    CHECK_FALSE(mismatch.model.find_park("zmd-zone")->name.ends_with("（缓存）"));
    CHECK(mismatch.digests.at(zone) == core::digest_of(testing::base_files().at(zone) + "\n# 改了\n"));
}

TEST_CASE("park cache: a damaged, truncated or foreign cache is an empty one", "[load]") {
    testing::SiteFixture site;
    core::Diagnostics d;
    const auto loaded = site.load(d);
    const std::string bytes = load::ParkCache::serialize("p", loaded);
    CHECK(load::ParkCache::deserialize(bytes, "p").size() == 2);
    CHECK(load::ParkCache::deserialize(bytes, "another parkpress").size() == 0);
    CHECK(load::ParkCache::deserialize(bytes.substr(0, bytes.size() / 2), "p").size() == 0);
    CHECK(load::ParkCache::deserialize("", "p").size() == 0);
    for (const std::size_t at : {std::size_t{30}, bytes.size() / 2, bytes.size() - 1}) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        CHECK(load::ParkCache::deserialize(damaged, "p").size() == 0);
    }
    // Written and read back through a file.
    const auto file = site.root() / "cache";
    load::ParkCache::write(file, "p", loaded);
    CHECK(load::ParkCache::read(file, "p").size() == 2);
    CHECK(load::ParkCache::read(site.root() / "missing", "p").size() == 0);
}

namespace {
ino_t inode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
}
} // namespace

TEST_CASE("park cache: parks are kept in 32 shards; a rebuild writes only the shards whose parks changed",
          "[load]") {
    testing::SiteFixture site;
    for (int i = 0; i < 60; ++i) {
        site.set(fmt::format("parks/henan/p{}.toml", i), fmt::format(R"(name = "园区{}"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"
)",
                                                                      i));
    }
    core::Diagnostics d;
    const auto loaded = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    // Beside the fixture's tree, which it writes again at each load.
    struct Gone {
        std::filesystem::path path;
        ~Gone() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } const gone{site.root().string() + "-cache"};
    const auto& folder = gone.path;
    load::ParkCache::write(folder, "p", loaded);
    std::map<std::size_t, ino_t> inodes;
    for (std::size_t i = 0; i < load::ParkCache::k_shards; ++i) {
        inodes[i] = inode_of(folder / fmt::format("{:02}", i));
    }
    CHECK(std::distance(std::filesystem::directory_iterator(folder), {}) == 32);
    const auto cache = load::ParkCache::read(folder, "p", 2);
    REQUIRE(cache.size() == loaded.model.parks.size());
    CHECK(load::ParkCache::read(folder, "another parkpress").size() == 0);

    // Nothing changed: no shard is written again.
    core::Diagnostics d2;
    const auto same = load_with(site, cache, d2);
    load::ParkCache::write(folder, "p", same, &cache);
    for (const auto& [i, inode] : inodes) {
        CHECK(inode_of(folder / fmt::format("{:02}", i)) == inode);
    }

    // One park changed: only its shard is written again, and it holds the park as it is now.
    const std::string changed = "parks/henan/p7.toml";
    site.set(changed, R"(name = "园区7"
city = "郑州市"
kind = "high-tech-zone"
level = "municipal"
)");
    core::Diagnostics d3;
    const auto edited = load_with(site, cache, d3);
    load::ParkCache::write(folder, "p", edited, &cache);
    const std::size_t shard = load::ParkCache::shard_of(changed);
    for (const auto& [i, inode] : inodes) {
        CAPTURE(i);
        CHECK((inode_of(folder / fmt::format("{:02}", i)) != inode) == (i == shard));
    }
    const auto again = load::ParkCache::read(folder, "p");
    REQUIRE(again.size() == edited.model.parks.size());
    CHECK(load::ParkCache::serialize("p", edited, &again) == load::ParkCache::serialize("p", edited));

    // A damaged shard loses its parks only.
    std::size_t in_shard = 0;
    for (const auto& park : edited.model.parks) {
        in_shard += load::ParkCache::shard_of(park.file) == shard ? 1 : 0;
    }
    REQUIRE(in_shard > 0);
    {
        std::fstream damage(folder / fmt::format("{:02}", shard), std::ios::in | std::ios::out | std::ios::binary);
        damage.seekp(40);
        damage.put('#');
    }
    CHECK(load::ParkCache::read(folder, "p").size() == edited.model.parks.size() - in_shard);
}
