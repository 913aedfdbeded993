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
    m.files["parks/x/index.html"] = {"k", "h", 12, 1700000000123456789, 4242, ""};
    m.files["data/parks.json"] = {"k2", "h2", 40, 1, 2, "p1 0 10\np2 11 29\n"};
    const auto back = write::Manifest::from_json(m.to_json());
    REQUIRE(back);
    CHECK(back->inputs == "abc");
    CHECK(back->report_err == m.report_err);
    CHECK(back->pages == 3);
    CHECK(back->files.at("parks/x/index.html").mtime_ns == 1700000000123456789);
    CHECK(back->files.at("parks/x/index.html").inode == 4242);
    CHECK(back->files.at("parks/x/index.html").parts.empty());
    CHECK(back->files.at("data/parks.json").parts == "p1 0 10\np2 11 29\n");
    CHECK(back->report_out == m.report_out);
    CHECK(back->files.size() == 2);
    CHECK(back->files.at("data/parks.json").key == "k2");
    CHECK(back->files.at("data/parks.json").hash == "h2");
    CHECK(back->files.at("data/parks.json").size == 40);
    CHECK(back->to_json() == m.to_json());
    CHECK_FALSE(write::Manifest::from_json("This folder was written by parkpress"));
    CHECK_FALSE(write::Manifest::from_json("{\"version\": 99}"));
    CHECK_FALSE(write::Manifest::from_json(""));
    // Each member is needed, with its type; a file's record has five or six fields.
    const std::string json = m.to_json();
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"inputs\": \"abc\"", "\"inputs\": 1"},
             {"\"inputs\": \"abc\"", "\"input\": \"abc\""},
             {"\"pages\": 3", "\"pages\": -3"},
             {"\"pages\": 3", "\"pages\": 3.5"},
             {"\"version\": 2", "\"version\": 1"},
             {",\n4242\n]", "\n]"},
             {",\n4242\n]", ",4242,\"\",\"more\"]"},
             {",\n4242\n]", ",-4242]"},
             {"\"k\",", "null,"},
             {"\"files\": {", "\"files\": [{"}}) {
        const auto at = json.find(from);
        REQUIRE(at != std::string::npos);
        std::string broken = json;
        broken.replace(at, from.size(), to);
        CHECK_FALSE(write::Manifest::from_json(broken));
    }
    // The files member may be missing only in a manifest that is not one.
    const auto files = json.find(",\n\"files\"");
    REQUIRE(files != std::string::npos);
    CHECK_FALSE(write::Manifest::from_json(json.substr(0, files) + "}"));
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
    // The staged copy, the same files, is kept as the site before, with the same manifest.
    CHECK(std::distance(fs::directory_iterator(tmp.path), fs::directory_iterator()) == 2);
    const auto before = write::intact_output(write::previous_site_path(out));
    REQUIRE(before);
    CHECK(before->inputs == "inputs-2");
    CHECK(inode(write::previous_site_path(out) / "a.html") == inode(out / "a.html"));
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

TEST_CASE("writer: a site before that is not intact is removed, links in it not followed", "[writer]") {
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

    for (const std::string inputs : {"inputs-2", "inputs-3"}) {
        // The second build swaps the old output aside; the third finds it not intact and
        // removes it before staging in a new folder.
        write::SiteWriter w(out);
        w.put("a.html", "A-" + inputs, "ka");
        write::Manifest m;
        m.inputs = inputs;
        w.commit(m);
        CHECK(read(out / "a.html") == "A-" + inputs);
        CHECK_FALSE(fs::exists(fs::symlink_status(out / "b")));
        CHECK(read(keep / "inner" / "precious.txt") == "not parkpress's");
    }
    // Only the new site, the site before it and the untouched folder are left.
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(tmp.path)) {
        left.push_back(e.path().filename().string());
    }
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{".site.parkpress-previous", "elsewhere", "site"});
    CHECK(read(write::previous_site_path(out) / "a.html") == "A-inputs-2");
    CHECK_FALSE(fs::exists(fs::symlink_status(write::previous_site_path(out) / "b")));
}

namespace {
/// A build of `files` (path, bytes; the key is the bytes) into `out`.
void build_files(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files,
                 const std::string& inputs) {
    write::SiteWriter w(out);
    for (const auto& [path, bytes] : files) {
        if (!w.reuse(path, bytes)) {
            w.put(path, bytes, bytes);
        }
    }
    write::Manifest m;
    m.inputs = inputs;
    w.commit(m);
}

std::vector<std::string> listing(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        out.push_back(e.path().lexically_relative(root).generic_string() + (e.is_directory() ? "/" : ""));
    }
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("writer: a rebuild stages in the site before and replaces only what differs", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    const fs::path before = write::previous_site_path(out);
    build_files(out, {{"a.html", "A1"}, {"p/x/index.html", "X1"}, {"p/y/index.html", "Y1"}, {"z.txt", "Z"}}, "1");
    build_files(out, {{"a.html", "A2"}, {"p/x/index.html", "X1"}, {"p/y/index.html", "Y1"}, {"z.txt", "Z"}}, "2");
    REQUIRE(write::intact_output(before));
    const auto z = inode(out / "z.txt");
    CHECK(inode(before / "z.txt") == z); // one file, in both sites

    SECTION("a third build: changed, kept, added and removed files") {
        // The site before (build 1) differs from the current one (build 2) in a.html.
        build_files(out, {{"a.html", "A2"}, {"p/x/index.html", "X3"}, {"q/index.html", "Q"}, {"z.txt", "Z"}}, "3");
        CHECK(read(out / "a.html") == "A2");
        CHECK(read(out / "p/x/index.html") == "X3");
        CHECK(read(out / "q/index.html") == "Q");
        CHECK(inode(out / "z.txt") == z);
        CHECK(listing(out) == std::vector<std::string>{".parkpress-output", "a.html", "p/", "p/x/", "p/x/index.html",
                                                      "q/", "q/index.html", "z.txt"});
        CHECK(write::intact_output(out)->inputs == "3");
        // The current site became the site before, untouched: build 2's bytes.
        const auto prev = write::intact_output(before);
        REQUIRE(prev);
        CHECK(prev->inputs == "2");
        CHECK(read(before / "p/x/index.html") == "X1");
        CHECK(read(before / "p/y/index.html") == "Y1");
        CHECK(inode(before / "a.html") == inode(out / "a.html"));
    }
    SECTION("a failed build after staging in the site before leaves the output as it was") {
        const auto listed = listing(out);
        const auto marker = read(out / write::k_marker);
        struct stat st {};
        REQUIRE(::stat((out / "z.txt").c_str(), &st) == 0);
        {
            write::SiteWriter w(out);
            w.put("z.txt", "not Z", "k");       // z.txt is shared with the output: replaced, not written into
            w.put("p/y/index.html", "Y9", "k"); // no commit
        }
        CHECK(listing(out) == listed);
        CHECK(read(out / write::k_marker) == marker);
        CHECK(read(out / "z.txt") == "Z");
        CHECK(read(out / "p/y/index.html") == "Y1");
        struct stat again {};
        REQUIRE(::stat((out / "z.txt").c_str(), &again) == 0);
        CHECK(again.st_mtim.tv_nsec == st.st_mtim.tv_nsec);
        CHECK(again.st_mtim.tv_sec == st.st_mtim.tv_sec);
        CHECK_FALSE(fs::exists(before)); // a half-changed site before is not kept
    }
    SECTION("a site before without its manifest (a build killed while staging) is not trusted") {
        std::ofstream(before / "a.html", std::ios::trunc) << "half-written";
        fs::remove(before / write::k_marker);
        build_files(out, {{"a.html", "A1"}, {"p/x/index.html", "X1"}, {"p/y/index.html", "Y1"}, {"z.txt", "Z"}}, "3");
        CHECK(read(out / "a.html") == "A1");
        CHECK(listing(out) == listing(before)); // same names (the manifests differ)
    }
    SECTION("a site before that was edited is not trusted") {
        std::ofstream(before / "p/y/index.html", std::ios::trunc) << "edited";
        build_files(out, {{"a.html", "A2"}, {"p/x/index.html", "X1"}, {"p/y/index.html", "Y1"}, {"z.txt", "Z"}}, "3");
        CHECK(read(out / "p/y/index.html") == "Y1");
    }
}

TEST_CASE("writer: after a cold build, the site before is made of links to the current site", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    const fs::path before = write::previous_site_path(out);
    build_files(out, {{"a.html", "A1"}, {"p/x/index.html", "X1"}, {"p/y/index.html", "Y1"}, {"z.txt", "Z"}}, "1");
    REQUIRE_FALSE(fs::exists(before)); // a cold build leaves none
    const auto current = write::intact_output(out);
    REQUIRE(current);
    CHECK_FALSE(write::intact_previous_site(out));

    SECTION("every file as the manifest says is linked, and the site before is intact") {
        const auto made = write::link_previous_site(out, *current);
        REQUIRE(made);
        CHECK(made->files.size() == 4);
        CHECK(made->inputs == "1");
        for (const auto& [path, file] : current->files) {
            CHECK(inode(before / path) == inode(out / path));
        }
        const auto checked = write::intact_previous_site(out);
        REQUIRE(checked);
        CHECK(checked->files.size() == 4);
        CHECK(listing(before) == listing(out));

        // A rebuild stages in it: only what differs is written, and the output is right.
        const auto z = inode(out / "z.txt");
        {
            write::SiteWriter w(out, write::read_manifest(out), *made);
            CHECK(w.reuse("z.txt", "Z"));
            CHECK(w.reuse("p/x/index.html", "X1"));
            w.put("a.html", "A2", "A2");
            w.put("q/index.html", "Q", "Q");
            write::Manifest m;
            m.inputs = "2";
            w.commit(m);
            CHECK(w.written() == 2);
        }
        CHECK(listing(out) == std::vector<std::string>{".parkpress-output", "a.html", "p/", "p/x/", "p/x/index.html",
                                                      "q/", "q/index.html", "z.txt"});
        CHECK(read(out / "a.html") == "A2");
        CHECK(inode(out / "z.txt") == z);
        CHECK(write::intact_output(out)->inputs == "2");
        CHECK(read(before / "a.html") == "A1"); // the site before is build 1, whole
        CHECK(read(before / "p/y/index.html") == "Y1");
        CHECK(write::intact_previous_site(out));
    }
    SECTION("a file changed since its build is not linked") {
        fs::remove(out / "p/y/index.html");
        { std::ofstream(out / "p/y/index.html") << "edited"; }
        const auto made = write::link_previous_site(out, *current);
        REQUIRE(made);
        CHECK_FALSE(made->files.contains("p/y/index.html"));
        CHECK_FALSE(fs::exists(before / "p/y/index.html"));
        CHECK(made->files.size() == 3);
        CHECK(write::intact_previous_site(out));
    }
    SECTION("a manifest's path outside the output folder is not followed") {
        { std::ofstream(tmp.path / "secret") << "S"; }
        auto forged = *current;
        const auto info = forged.files.at("z.txt");
        forged.files["../secret"] = info;
        forged.files["p/../../secret"] = info;
        forged.files["/etc/passwd"] = info;
        forged.files[".parkpress-output"] = info;
        const auto made = write::link_previous_site(out, forged);
        REQUIRE(made);
        CHECK(made->files.size() == 4);
        CHECK(listing(before) == listing(out));
    }
    SECTION("whatever was at its place is replaced") {
        fs::create_directories(before / "junk");
        { std::ofstream(before / "junk" / "f") << "J"; }
        REQUIRE(write::link_previous_site(out, *current));
        CHECK_FALSE(fs::exists(before / "junk"));
        CHECK(listing(before) == listing(out));
    }
}

TEST_CASE("writer: only an empty folder, parkpress's own output or site/ may be replaced", "[writer]") {
    TempDir tmp;
    CHECK_NOTHROW(write::check_output_folder(tmp.path / "new"));
    fs::create_directory(tmp.path / "empty");
    CHECK_NOTHROW(write::check_output_folder(tmp.path / "empty"));
    fs::create_directory(tmp.path / "home");
    std::ofstream(tmp.path / "home" / ".bashrc") << "x";
    CHECK_THROWS_WITH(write::check_output_folder(tmp.path / "home"), Catch::Contains("parkpress did not write it"));
    fs::create_directory(tmp.path / "site");
    std::ofstream(tmp.path / "site" / "old.html") << "x";
    CHECK_NOTHROW(write::check_output_folder(tmp.path / "site"));
    first_build(tmp.path / "built");
    CHECK_NOTHROW(write::check_output_folder(tmp.path / "built"));
    std::ofstream(tmp.path / "file") << "x";
    CHECK_THROWS_WITH(write::check_output_folder(tmp.path / "file"), Catch::Contains("not a folder"));
    fs::create_directory_symlink(tmp.path / "built", tmp.path / "link");
    CHECK_THROWS_WITH(write::check_output_folder(tmp.path / "link"), Catch::Contains("symbolic link"));
}

TEST_CASE("writer: one build at a time per output folder", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    {
        write::OutputLock first(out);
        CHECK_THROWS_WITH(write::OutputLock(out), Catch::Contains("another parkpress build is writing"));
        CHECK_NOTHROW(write::OutputLock(tmp.path / "other"));
    }
    CHECK_NOTHROW(write::OutputLock(out)); // released with the first
}

TEST_CASE("writer: a trailing slash names the same output folder", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    CHECK(write::output_folder(tmp.path / "site/") == out);
    CHECK(write::output_folder(tmp.path / "site/./") == out);
    CHECK(write::previous_site_path(tmp.path / "site/") == tmp.path / ".site.parkpress-previous");
    CHECK(write::lock_path(tmp.path / "site/") == tmp.path / ".site.parkpress-lock");
    for (int build = 0; build < 3; ++build) { // new, then swapped, then staged in the site before
        write::SiteWriter w(tmp.path / "site/");
        w.put("a.html", "A" + std::to_string(build), "k" + std::to_string(build));
        w.commit(write::Manifest{});
        CHECK(read(out / "a.html") == "A" + std::to_string(build));
    }
    CHECK_NOTHROW(write::check_output_folder(tmp.path / "site/"));
    fs::create_directory(tmp.path / "home");
    std::ofstream(tmp.path / "home" / "x") << "x";
    CHECK_THROWS(write::check_output_folder(tmp.path / "home/"));
}

TEST_CASE("writer: a file's parts are kept for the next build, with its bytes while untouched", "[writer]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    {
        write::SiteWriter w(out);
        w.put_parts("data/parks.json", "[one,two]", "k1", "a 1 3\nb 5 3\n");
        w.put("a.html", "A", "ka");
        w.commit({});
    }
    {
        write::SiteWriter w(out);
        const auto previous = w.previous("data/parks.json");
        REQUIRE(previous);
        CHECK(previous->bytes == "[one,two]");
        CHECK(previous->parts == "a 1 3\nb 5 3\n");
        CHECK_FALSE(w.previous("missing.json"));
        // Kept whole by its key, the file keeps its parts too.
        CHECK(w.reuse("data/parks.json", "k1"));
        w.put("a.html", "A", "ka");
        w.commit({});
    }
    REQUIRE(write::intact_output(out));
    CHECK(write::intact_output(out)->files.at("data/parks.json").parts == "a 1 3\nb 5 3\n");
    // A file changed behind the writer's back is not offered.
    {
        std::ofstream(out / "data/parks.json", std::ios::app) << "!";
        write::SiteWriter w(out);
        CHECK_FALSE(w.previous("data/parks.json"));
    }
}
