#include "core/hash.hpp"
#include "load/fingerprint.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace parkpress;
namespace fs = std::filesystem;

namespace {
/// The fixture writes its files when it loads them.
void flush(testing::SiteFixture& fixture) { (void)fixture.check(); }
} // namespace

TEST_CASE("fingerprint: changes with any byte, file, option or theme file", "[fingerprint]") {
    testing::SiteFixture site;
    testing::SiteFixture theme; // any folder of files will do as a theme here
    flush(site);
    flush(theme);
    const auto first = load::input_fingerprint(site.root(), theme.root(), "pdf");
    REQUIRE(first);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "pdf") == first);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "no pdf") != first);

    site.set("parks/henan/zmd-island.md", "改过的叙述。\n");
    flush(site);
    const auto edited = load::input_fingerprint(site.root(), theme.root(), "pdf");
    CHECK(edited != first);
    site.set("notes.txt", "a file the loader ignores still counts\n");
    flush(site);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "pdf") != edited);
    const auto before_theme = load::input_fingerprint(site.root(), theme.root(), "pdf");
    theme.set("site.toml", "# edited\n");
    flush(theme);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "pdf") != before_theme);
}

TEST_CASE("fingerprint: a symbolic link or a missing folder gives none (build everything)", "[fingerprint]") {
    testing::SiteFixture site;
    testing::SiteFixture theme;
    flush(site);
    flush(theme);
    fs::create_symlink(site.root() / "site.toml", site.root() / "link.toml");
    CHECK_FALSE(load::input_fingerprint(site.root(), theme.root(), ""));
    CHECK_FALSE(load::input_fingerprint(site.root() / "missing", theme.root(), ""));
}

TEST_CASE("fingerprint: the same digest whatever the number of jobs; one file's digest", "[fingerprint]") {
    testing::SiteFixture site;
    for (int i = 0; i < 300; ++i) { // enough files for several workers
        site.set("extra/file-" + std::to_string(i) + ".txt", "bytes " + std::to_string(i) + "\n");
    }
    flush(site);
    const auto one = load::tree_digest(site.root(), 1);
    REQUIRE(one);
    CHECK(load::tree_digest(site.root(), 4) == one);
    CHECK(load::tree_digest(site.root(), 64) == one);
    site.set("extra/file-150.txt", "bytes 151\n");
    flush(site);
    CHECK(load::tree_digest(site.root(), 4) != one);

    // With each file's own digest, by its path relative to the folder.
    const auto tree = load::tree_digests(site.root(), 4);
    REQUIRE(tree);
    CHECK(tree->digest == load::tree_digest(site.root(), 1));
    CHECK(tree->files.at("extra/file-150.txt") == core::digest_of("bytes 151\n"));
    CHECK(tree->files.at("site.toml") == load::file_digest(site.root() / "site.toml"));
    CHECK(tree->files.size() == 300 + testing::base_files().size());

    const fs::path file = site.root() / "extra" / "file-7.txt";
    CHECK(load::file_digest(file) == core::digest_of("bytes 7\n"));
    CHECK_FALSE(load::file_digest(site.root() / "no-such-file"));
    CHECK_FALSE(load::file_digest(site.root())); // a folder cannot be read as a file
}

TEST_CASE("file stats: a file's digest is trusted while its metadata is the same", "[fingerprint]") {
    testing::SiteFixture site;
    flush(site);
    const auto now_ns = [] {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    const fs::path file = site.root() / "site.toml";
    const auto info = core::regular_file_info(file);
    REQUIRE(info);
    CHECK_FALSE(core::regular_file_info(site.root() / "parks")); // a folder
    CHECK_FALSE(core::regular_file_info(site.root() / "missing.toml"));

    load::FileStats stats;
    // Just written: its times could stay the same through another write in the same tick.
    stats.learn("site.toml", *info, "digest", now_ns());
    CHECK(stats.size() == 0);
    // Looked at well after its last change: kept.
    stats.learn("site.toml", *info, "digest", info->changed_ns + 3'000'000'000);
    REQUIRE(stats.size() == 1);
    CHECK(*stats.digest("site.toml", *info) == "digest");
    CHECK(stats.digest("other.toml", *info) == nullptr);
    for (auto changed : {&core::FileInfo::size, &core::FileInfo::inode, &core::FileInfo::device}) {
        core::FileInfo other = *info;
        other.*changed += 1;
        CHECK(stats.digest("site.toml", other) == nullptr);
    }
    for (auto changed : {&core::FileInfo::modified_ns, &core::FileInfo::changed_ns}) {
        core::FileInfo other = *info;
        other.*changed += 1;
        CHECK(stats.digest("site.toml", other) == nullptr);
    }

    // Written and read back; a damaged or cut file is none.
    const std::string bytes = stats.serialize();
    CHECK(load::FileStats::deserialize(bytes) == stats);
    CHECK(load::FileStats::deserialize(bytes.substr(0, bytes.size() - 1)).size() == 0);
    std::string damaged = bytes;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 1);
    CHECK(load::FileStats::deserialize(damaged).size() == 0);
    const fs::path saved = site.root() / "stats";
    stats.write(saved);
    CHECK(load::FileStats::read(saved) == stats);
    CHECK(load::FileStats::read(site.root() / "missing").size() == 0);
}

TEST_CASE("file stats: the fingerprint does not read a file whose metadata it knows", "[fingerprint]") {
    testing::SiteFixture site;
    flush(site);
    load::FileStats none;
    load::FileStats learnt;
    const auto first = load::tree_digests(site.root(), 2, false, &none, &learnt);
    REQUIRE(first);
    // The fixture's files were written just now: too young to be trusted later.
    CHECK(learnt.size() == 0);

    // What a build long after the files were written would have learnt, with a digest that
    // is not the file's: used as it is, so the file was not read.
    load::FileStats known;
    const auto info = core::regular_file_info(site.root() / "site.toml");
    REQUIRE(info);
    known.learn("site.toml", *info, "not read", info->changed_ns + 3'000'000'000);
    load::FileStats learnt2;
    const auto second = load::tree_digests(site.root(), 2, false, &known, &learnt2);
    REQUIRE(second);
    CHECK(second->files.at("site.toml") == "not read");
    CHECK(second->files.at("indicators.toml") == first->files.at("indicators.toml"));
    // Unless its bytes are to be kept: then it is read.
    const auto kept = load::tree_digests(site.root(), 2, true, &known, nullptr);
    REQUIRE(kept);
    CHECK(kept->files.at("site.toml") == first->files.at("site.toml"));
    CHECK(kept->bytes.at("site.toml") == testing::base_files().at("site.toml"));

    // Written again, with bytes of the same size: new times, so it is read again. (After a
    // clock tick: the 2 s rule is what keeps a real build from learning a file this young.)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::string same_size = testing::base_files().at("site.toml");
    same_size.back() = same_size.back() == '\n' ? ' ' : '\n';
    site.set("site.toml", same_size);
    flush(site);
    const auto third = load::tree_digests(site.root(), 2, false, &known, nullptr);
    REQUIRE(third);
    CHECK(third->files.at("site.toml") == core::digest_of(same_size));
}
