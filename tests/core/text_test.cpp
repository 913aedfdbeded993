#include "core/text.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::core;

TEST_CASE("text: finds the first invalid UTF-8 byte by line and column", "[core]") {
    CHECK_FALSE(find_invalid_utf8("驻马店\n智慧岛").has_value());
    const auto bad = find_invalid_utf8("ab\n驻马\xff店");
    REQUIRE(bad.has_value());
    CHECK(bad->line == 2);
    CHECK(bad->column == 3);
    CHECK(find_invalid_utf8("\xc0\xaf").has_value());     // overlong
    CHECK(find_invalid_utf8("\xed\xa0\x80").has_value()); // surrogate
    CHECK(find_invalid_utf8("\xe9\xa9").has_value());     // truncated
}

TEST_CASE("text: positions count code points", "[core]") {
    const std::string text = "第一行\n园区{{fact x}}";
    const auto pos = position_of(text, text.find("{{"));
    CHECK(pos.line == 2);
    CHECK(pos.column == 3);
}

TEST_CASE("text: nth_line strips CR and stops at the end", "[core]") {
    CHECK(nth_line("a\r\nb\r\n", 1) == "a");
    CHECK(nth_line("a\r\nb\r\n", 2) == "b");
    CHECK_FALSE(nth_line("a", 3).has_value());
}

TEST_CASE("text: display width counts CJK as two cells", "[core]") {
    CHECK(display_width("ab") == 2);
    CHECK(display_width("智慧岛") == 6);
    CHECK(utf8_prefix("智慧岛abc", 2) == "智慧");
    CHECK(utf8_length("智慧岛abc") == 6);
}

TEST_CASE("text: strips a byte order mark", "[core]") {
    CHECK(strip_bom("\xEF\xBB\xBFtitle") == "title");
    CHECK(strip_bom("title") == "title");
}

TEST_CASE("text: did-you-mean suggests close names only", "[core]") {
    const std::vector<std::string> keys{"signed_investment", "land_area", "jobs"};
    CHECK(did_you_mean("signed_investmnt", keys) == "; did you mean \"signed_investment\"?");
    CHECK(did_you_mean("land_aera", keys) == "; did you mean \"land_area\"?");
    CHECK(did_you_mean("completely_different", keys).empty());
    CHECK(did_you_mean("jobs", keys).empty());
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("valeu", "value") == 1);
    CHECK(edit_distance("千元", "万元") == 1);
}

TEST_CASE("text: slugs and indicator keys", "[core]") {
    CHECK(is_slug("zhumadian-smart-island"));
    CHECK(is_slug("a1"));
    CHECK_FALSE(is_slug("Zhumadian"));
    CHECK_FALSE(is_slug("a--b"));
    CHECK_FALSE(is_slug("-a"));
    CHECK_FALSE(is_slug("a-"));
    CHECK_FALSE(is_slug("a_b"));
    CHECK_FALSE(is_slug(""));
    CHECK(is_indicator_key("signed_investment"));
    CHECK(is_indicator_key("a2"));
    CHECK_FALSE(is_indicator_key("2a"));
    CHECK_FALSE(is_indicator_key("signed-investment"));
    CHECK_FALSE(is_indicator_key("Signed"));
}
