#include "core/diagnostics.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::core;

TEST_CASE("diagnostics: GNU format with file, line and column", "[core]") {
    const Diagnostic d{Severity::error, {"parks/henan/a.toml", 12, 9}, "unknown indicator \"x\""};
    CHECK(format_diagnostic(d) == "parks/henan/a.toml:12:9: error: unknown indicator \"x\"");
    const Diagnostic w{Severity::warning, {"indicators.toml", 3, 2}, "unused"};
    CHECK(format_diagnostic(w) == "indicators.toml:3:2: warning: unused");
}

TEST_CASE("diagnostics: quoted source line with a caret under a CJK-aware column", "[core]") {
    const Diagnostic d{Severity::error, {"a.toml", 2, 8}, "bad"};
    const std::string text = "x = 1\nname = \"智慧岛\" y\n";
    CHECK(format_diagnostic_with_source(d, text) == "a.toml:2:8: error: bad\n"
                                                    "    2 | name = \"智慧岛\" y\n"
                                                    "      |        ^");
    const Diagnostic after_cjk{Severity::error, {"a.toml", 2, 14}, "bad"};
    CHECK(format_diagnostic_with_source(after_cjk, text).ends_with("|                 ^"));
}

TEST_CASE("diagnostics: sorted by place, deduplicated, counted, promoted", "[core]") {
    Diagnostics ds;
    ds.error({"b.toml", 1, 1}, "second file");
    ds.warning({"a.toml", 5, 1}, "later line");
    ds.error({"a.toml", 2, 3}, "earlier line");
    ds.error({"a.toml", 2, 3}, "earlier line");
    ds.sort();
    REQUIRE(ds.all().size() == 3);
    CHECK(ds.all()[0].message == "earlier line");
    CHECK(ds.all()[1].message == "later line");
    CHECK(ds.all()[2].message == "second file");
    CHECK(ds.error_count() == 2);
    CHECK(ds.warning_count() == 1);
    ds.promote_warnings();
    CHECK(ds.error_count() == 3);
    CHECK(ds.has_errors());
}
