#include "core/exit.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

TEST_CASE("exit: what is left to the exit is moved there and never destroyed", "[exit]") {
    auto token = std::make_shared<std::string>("a model");
    const std::weak_ptr<std::string> watch = token;
    std::vector<std::shared_ptr<std::string>> model{std::move(token)};
    parkpress::core::leave_to_exit(std::move(model), std::string("another"));
    CHECK(model.empty()); // NOLINT(bugprone-use-after-move): moved, not copied
    REQUIRE(watch.use_count() == 1); // alive, held only where it was left
    CHECK(*watch.lock() == "a model");
}
