// Fuzz target: `parkpress check` (the content loader, validation and the printed
// diagnostics) on a content tree in which one file is the input and the rest is the valid
// fixture tree, tests/sites/valid.
//
// Input: one selector byte, then the bytes of the file. The selector, modulo 8, picks the file
// (so the seeds start with the digits '0' to '7'):
//   0 site.toml                          4 parks/henan/zhengzhou-high-tech-zone.toml
//   1 indicators.toml                    5 parks/henan/zhengzhou-high-tech-zone.md
//   2 sources.toml                       6 bulletins/2024-01.toml
//   3 provinces/henan.toml               7 bulletins/2024-01.md
// Errors in the content are normal results; a crash, a leak, undefined behaviour or an
// exception out of check() is a bug.

#include "app/cli.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

#include <stdlib.h> // mkdtemp

namespace {
namespace fs = std::filesystem;

constexpr std::array<std::string_view, 8> k_files{
    "site.toml",
    "indicators.toml",
    "sources.toml",
    "provinces/henan.toml",
    "parks/henan/zhengzhou-high-tech-zone.toml",
    "parks/henan/zhengzhou-high-tech-zone.md",
    "bulletins/2024-01.toml",
    "bulletins/2024-01.md",
};

/// Swallows what check() prints, so that a run does not spend its time on the terminal.
class NullBuffer : public std::streambuf {
protected:
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
    std::streamsize xsputn(const char* /*s*/, std::streamsize n) override { return n; }
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "fuzz_content: %s\n", message.c_str());
    std::abort();
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail("cannot read " + path.string());
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        fail("cannot write " + path.string());
    }
}

/// The private copy of the valid tree, made once per process, and its files' original bytes.
struct Tree {
    fs::path temp; ///< the mkdtemp folder, removed at exit
    fs::path root; ///< temp/content
    std::array<std::string, k_files.size()> originals;
};

const Tree* g_tree = nullptr; // reachable until exit, so never reported as a leak

void remove_tree() {
    std::error_code ec;
    fs::remove_all(g_tree->temp, ec);
}

const Tree& tree() {
    if (g_tree != nullptr) {
        return *g_tree;
    }
    const char* from = std::getenv("PARKPRESS_FUZZ_TREE"); // another valid tree, if wanted
    std::string name = (fs::temp_directory_path() / "parkpress-fuzz-XXXXXX").string();
    if (mkdtemp(name.data()) == nullptr) {
        fail("mkdtemp failed for " + name);
    }
    auto* t = new Tree;
    t->temp = name;
    t->root = t->temp / "content";
    fs::copy(from != nullptr ? fs::path(from) : fs::path(PARKPRESS_FUZZ_VALID_TREE), t->root,
             fs::copy_options::recursive);
    for (std::size_t i = 0; i < k_files.size(); ++i) {
        t->originals[i] = read_all(t->root / k_files[i]);
    }
    g_tree = t;
    std::atexit(remove_tree);
    return *g_tree;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const Tree& t = tree();
    const std::size_t kind = data[0] % k_files.size();
    const fs::path file = t.root / k_files[kind];
    write_all(file, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));

    NullBuffer null;
    std::ostream out(&null);
    const int status = parkpress::app::check(t.root.string(), false, out, out);
    if (status != parkpress::app::k_exit_ok && status != parkpress::app::k_exit_content) {
        fail("check() returned " + std::to_string(status) + " on a usable content folder");
    }

    write_all(file, t.originals[kind]);
    return 0;
}
