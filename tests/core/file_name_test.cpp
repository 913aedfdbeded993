#include "core/file_name.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

using parkpress::core::FileName;

TEST_CASE("file name: equal texts share one interned string", "[core][file_name]") {
    const std::string text = "parks/henan/zmd-island.toml";
    const FileName a(text);
    const FileName b(std::string("parks/henan/") + "zmd-island.toml");
    CHECK(a == b);
    CHECK(&a.str() == &b.str());
    CHECK(a.str() == text);
    CHECK(FileName("parks/henan/zmd-zone.toml") != a);
}

TEST_CASE("file name: the empty name", "[core][file_name]") {
    const FileName none;
    CHECK(none.empty());
    CHECK(none.str().empty());
    CHECK(none == FileName(""));
    CHECK_FALSE(FileName("a.toml").empty());
}

TEST_CASE("file name: ordered by text, not by address", "[core][file_name]") {
    // Interned in the opposite order of their text.
    const FileName z("zzz/last.toml");
    const FileName a("aaa/first.toml");
    CHECK(a < z);
    CHECK(FileName() < a);
    const std::set<FileName> sorted{z, a, FileName("mmm/middle.toml")};
    std::vector<std::string> names;
    for (const auto& n : sorted) {
        names.push_back(n.str());
    }
    CHECK(names == std::vector<std::string>{"aaa/first.toml", "mmm/middle.toml", "zzz/last.toml"});
}

TEST_CASE("file name: formats as its text", "[core][file_name]") {
    CHECK(fmt::format("{}:{}", FileName("parks/a.toml"), 3) == "parks/a.toml:3");
}

TEST_CASE("file name: interning from several threads gives one string per text", "[core][file_name]") {
    constexpr int k_threads = 4;
    constexpr int k_names = 500;
    std::vector<std::vector<const std::string*>> seen(k_threads);
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([t, &seen] {
            for (int i = 0; i < k_names; ++i) {
                seen[t].push_back(&FileName(fmt::format("threads/{}.toml", i)).str());
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    for (int t = 1; t < k_threads; ++t) {
        CHECK(seen[t] == seen[0]);
    }
    CHECK(*seen[0][42] == "threads/42.toml");
}
