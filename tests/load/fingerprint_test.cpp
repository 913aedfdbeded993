#include "core/hash.hpp"
#include "load/fingerprint.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

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
