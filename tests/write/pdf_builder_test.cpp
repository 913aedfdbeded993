#include "write/pdf_builder.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::write;

TEST_CASE("pdf: missing characters are read from xelatex's and pandoc's messages", "[write]") {
    const std::string log = "[WARNING] Missing character: There is no ཀ (U+0F40) (U+0F40) in font NotoSerifCJKsc!\n"
                            "Missing character: There is no ཀ (U+0F40) in font NotoSerifCJKsc!\n"
                            "Missing character: There is no 😀 (U+1F600) in font X!\n";
    const auto missing = missing_characters(log);
    REQUIRE(missing.size() == 2);
    CHECK(missing[0] == "ཀ (U+0F40)");
    CHECK(missing[1] == "😀 (U+1F600)");
    CHECK(missing_characters("no problem here").empty());
}

TEST_CASE("pdf: SOURCE_DATE_EPOCH of a bulletin's date", "[write]") {
    CHECK(epoch_of("1970-01-02") == 86400);
    CHECK(epoch_of("2024-03-31") == 1711843200);
    CHECK(epoch_of("nonsense") == 0);
}

TEST_CASE("pdf: the trailer ID is made content-derived in place", "[write]") {
    const std::string pdf = "%PDF-1.5\n...<</Type/XRef/ID[<aaaa><bbbb>]/Root 1 0 R>>";
    const std::string fixed = stable_id(pdf);
    CHECK(fixed.size() == pdf.size());
    CHECK(fixed.find("/ID[<bbbb><bbbb>]") != std::string::npos);
    CHECK(stable_id("no id") == "no id");
}
