#include "core/process.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <string>

using parkpress::core::ProcessError;
using parkpress::core::run_process;

TEST_CASE("process: output, errors and exit status of a program run without a shell", "[core]") {
    const auto r = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
    CHECK(r.status == 3);
    CHECK(r.out == "out\n");
    CHECK(r.err == "err\n");
    // An argument is one argument, whatever it holds.
    CHECK(run_process({"printf", "%s|", "a b", "$(x)", "; rm -rf /"}).out == "a b|$(x)|; rm -rf /|");
}

TEST_CASE("process: large input and output at once do not block", "[core]") {
    std::string input;
    for (int i = 0; i < 200000; ++i) {
        input += "line " + std::to_string(i) + "\n";
    }
    const auto r = run_process({"cat"}, input);
    CHECK(r.status == 0);
    CHECK(r.out == input);
}

TEST_CASE("process: a program that does not read its input does not kill us", "[core]") {
    const std::string input(4 * 1024 * 1024, 'x');
    const auto r = run_process({"true"}, input);
    CHECK(r.status == 0);
}

TEST_CASE("process: a program that is not installed", "[core]") {
    try {
        run_process({"parkpress-no-such-program"});
        FAIL("no exception");
    } catch (const ProcessError& e) {
        CHECK(e.error_number() == ENOENT);
    }
}

TEST_CASE("process: the program's build ID is the one the linker wrote into its file", "[process]") {
    const std::string id = parkpress::core::program_build_id();
    // Debian's toolchains link with a build ID (a SHA-1: 40 hex digits); the file says which.
    REQUIRE(id.size() == 40);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(parkpress::core::program_build_id() == id);
    // readelf reads this test program's file (its own /proc/self/exe would be readelf).
    const auto readelf = parkpress::core::run_process({"readelf", "-n", std::filesystem::read_symlink("/proc/self/exe").string()});
    REQUIRE(readelf.status == 0);
    CHECK(readelf.out.find("Build ID: " + id) != std::string::npos);
}
