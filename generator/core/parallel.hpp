#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace parkpress::core {

/// Splits [0, count) into `runs` contiguous runs and calls `work(run, begin, end)` for each,
/// run 0 on the calling thread and each other on a thread of its own; returns when all are
/// done. For work whose results are merged in run order, so that they come out as one thread
/// would give them.
template <typename Work>
void for_each_run(std::size_t count, std::size_t runs, const Work& work) {
    runs = std::max<std::size_t>(runs, 1);
    const std::size_t per = (count + runs - 1) / runs;
    auto run = [&](std::size_t r) { work(r, std::min(count, r * per), std::min(count, (r + 1) * per)); };
    std::vector<std::thread> pool;
    for (std::size_t r = 1; r < runs; ++r) {
        pool.emplace_back(run, r);
    }
    run(0);
    for (auto& thread : pool) {
        thread.join();
    }
}

} // namespace parkpress::core
