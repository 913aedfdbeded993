#include "core/parallel.hpp"

#include <catch2/catch.hpp>

#include <mutex>
#include <utility>
#include <vector>

using parkpress::core::for_each_run;

TEST_CASE("parallel: for_each_run covers every index once, in contiguous runs in order", "[core][parallel]") {
    for (const auto& [count, runs] : std::vector<std::pair<std::size_t, std::size_t>>{
             {0, 1}, {0, 3}, {1, 4}, {10, 1}, {10, 2}, {10, 3}, {10000, 2}, {7, 8}}) {
        CAPTURE(count, runs);
        std::vector<int> seen(count, 0);
        std::vector<std::pair<std::size_t, std::size_t>> bounds(std::max<std::size_t>(runs, 1), {0, 0});
        std::mutex mutex;
        for_each_run(count, runs, [&](std::size_t run, std::size_t begin, std::size_t end) {
            const std::lock_guard lock(mutex);
            bounds.at(run) = {begin, end};
            for (std::size_t i = begin; i < end; ++i) {
                ++seen[i];
            }
        });
        CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(count));
        std::size_t next = 0;
        for (const auto& [begin, end] : bounds) { // run r follows run r - 1
            CHECK(begin == std::min(next, count));
            CHECK(end >= begin);
            next = end;
        }
        CHECK(next == count);
    }
}
