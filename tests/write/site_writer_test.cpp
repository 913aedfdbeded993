#include "write/site_writer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace parkpress;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "parkpress-writer.XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

ino_t inode(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

/// A first build: a.html (key ka), b/index.html (key kb).
void first_build(const fs::path& out) {
    write::SiteWriter w(out);
    w.put("a.html", "A", "ka");
    w.put("b/index.html", "B", "kb");
    write::Manifest m;
    m.inputs = "inputs-1";
    m.report_out = "checked 1 park\n";
    m.pages = 2;
    w.commit(m);
}

} // namespace

TEST_CASE("manifest: JSON round trip; anything else is no manifest", "[writer]") {
    write::Manifest m;
    m.inputs = "abc";
    m.report_out = "checked\n";
    m.report_err = "a.toml:1:1: warning: 园区\n";
    m.pages = 3;
    m.files["parks/x/index.html"] = {"k", "h", 12, 1700000000123456789};
    const auto back = write::Manifest::from_json(m.to_json());
    REQUIRE(back);
    CHECK(back->inputs == "abc");
    CHECK(back->report_err == m.report_err);
    CHECK(back->pages == 3);
    CHECK(back->files.at("parks/x/index.html").mtime_ns == 1700000000123456789);
    CHECK_FALSE(write::Manifest::from_json("This folder was written by parkpress"));
    CHECK_FALSE(write::Manifest::from_json("{\"version\": 99}"));
}

TEST_CASE("writer: files with the same key or the same bytes are kept, others written", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    first_build(out);
    const auto a = inode(out / "a.html");
    const auto b = inode(out / "b/index.html");
    REQUIRE(write::intact_output(out));
    CHECK(write::intact_output(out)->inputs == "inputs-1");

    write::SiteWriter w(out);
    CHECK_FALSE(w.reuse("a.html", "another key"));
    CHECK_FALSE(w.reuse("a.html", ""));
    CHECK(w.reuse("b/index.html", "kb"));
    w.put("a.html", "A", "ka2");      // new key, same bytes: kept
    w.put("c.html", "C", "kc");       // new file
    w.commit(write::Manifest{});
    CHECK(inode(out / "a.html") == a);
    CHECK(inode(out / "b/index.html") == b);
    CHECK(read(out / "c.html") == "C");
    CHECK(w.written() == 1);
    CHECK(w.kept() == 2);
    const auto now = write::intact_output(out);
    REQUIRE(now);
    CHECK(now->files.at("a.html").key == "ka2");
}

TEST_CASE("writer: nothing written and nothing gone: only the manifest is replaced", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    first_build(out);
    const auto dir = inode(out);
    write::SiteWriter w(out);
    CHECK(w.reuse("a.html", "ka"));
    CHECK(w.reuse("b/index.html", "kb"));
    write::Manifest m;
    m.inputs = "inputs-2";
    w.commit(m);
    CHECK(inode(out) == dir); // the folder itself was not swapped
    CHECK(write::intact_output(out)->inputs == "inputs-2");
    CHECK(std::distance(fs::directory_iterator(tmp.path), fs::directory_iterator()) == 1); // no staging left
}

TEST_CASE("writer: a file that is gone is not kept, and the output is no longer intact", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    first_build(out);
    SECTION("a file edited by hand") {
        std::ofstream(out / "a.html") << "edited";
        CHECK_FALSE(write::intact_output(out));
        write::SiteWriter w(out);
        CHECK_FALSE(w.reuse("a.html", "ka"));
    }
    SECTION("a file removed") {
        fs::remove(out / "a.html");
        CHECK_FALSE(write::intact_output(out));
    }
    SECTION("a file added") {
        std::ofstream(out / "stray.txt") << "x";
        CHECK_FALSE(write::intact_output(out));
    }
}

TEST_CASE("writer: no path outside the output folder, not even the manifest's", "[writer]") {
    TempDir tmp;
    write::SiteWriter w(tmp.path / "site");
    CHECK_THROWS_AS(w.put("../evil.html", "x", ""), write::WriteError);
    CHECK_THROWS_AS(w.put("/etc/evil", "x", ""), write::WriteError);
    CHECK_THROWS_AS(w.put(write::k_marker, "x", ""), write::WriteError);
}

TEST_CASE("writer: the previous site is removed after the swap, links in it not followed", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    const fs::path keep = tmp.path / "elsewhere";
    fs::create_directories(keep / "inner");
    std::ofstream(keep / "inner" / "precious.txt") << "not parkpress's";
    first_build(out);
    // Things a person may have left in the old output: deep folders, a link to a folder
    // outside it, a link to a file, a broken link.
    fs::create_directories(out / "b" / "c" / "d" / "e");
    std::ofstream(out / "b" / "c" / "d" / "e" / "f.txt") << "deep";
    fs::create_directory_symlink(keep, out / "b" / "to-elsewhere");
    fs::create_directory_symlink(keep, out / "top-link");
    fs::create_symlink(keep / "inner" / "precious.txt", out / "b" / "c" / "file-link");
    fs::create_symlink(tmp.path / "nothing-here", out / "b" / "broken");

    write::SiteWriter w(out);
    w.put("a.html", "A2", "ka2");
    write::Manifest m;
    m.inputs = "inputs-2";
    w.commit(m);
    CHECK(read(out / "a.html") == "A2");
    CHECK_FALSE(fs::exists(fs::symlink_status(out / "b")));
    CHECK(read(keep / "inner" / "precious.txt") == "not parkpress's");
    // Only the new site and the untouched folder are left: no staging, no old site.
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(tmp.path)) {
        left.push_back(e.path().filename().string());
    }
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{"elsewhere", "site"});
}
