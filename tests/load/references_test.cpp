#include "load/references.hpp"

#include <catch2/catch.hpp>

using namespace parkpress;
using Kind = model::Reference::Kind;

TEST_CASE("references: own-park and named-park facts and targets", "[load]") {
    core::Diagnostics d;
    const std::string text = "签约{{fact signed_investment}}。\n另见{{ target  other-park jobs }}和{{fact a-b land_area}}";
    const auto refs = load::parse_references(text, "p.md", d);
    REQUIRE(d.all().empty());
    REQUIRE(refs.size() == 3);
    CHECK(refs[0].kind == Kind::fact);
    CHECK(refs[0].park.empty());
    CHECK(refs[0].indicator == "signed_investment");
    CHECK(refs[0].where == core::SourceLocation{"p.md", 1, 3});
    CHECK(text.substr(refs[0].offset, refs[0].length) == "{{fact signed_investment}}");
    CHECK(refs[1].kind == Kind::target);
    CHECK(refs[1].park == "other-park");
    CHECK(refs[1].indicator == "jobs");
    CHECK(refs[1].where == core::SourceLocation{"p.md", 2, 3});
    CHECK(refs[2].park == "a-b");
}

TEST_CASE("references: malformed ones are errors at their line and column", "[load]") {
    core::Diagnostics d;
    const auto refs = load::parse_references("ok\n  {{fakt jobs}} {{fact}} {{fact A jobs}}\n{{fact Jobs}} {{fact a b c}}\n{{fact jobs", "p.md", d);
    CHECK(refs.empty());
    d.sort();
    REQUIRE(d.all().size() == 6);
    CHECK(core::format_diagnostic(d.all()[0]) ==
          "p.md:2:3: error: unknown reference kind \"fakt\"; expected {{fact INDICATOR}}, {{fact PARK INDICATOR}}, "
          "{{target INDICATOR}} or {{target PARK INDICATOR}}; did you mean \"fact\"?");
    CHECK(d.all()[1].where.column == 17);
    CHECK(d.all()[1].message.starts_with("malformed reference \"{{fact}}\""));
    CHECK(d.all()[2].message == "\"A\" is not a park slug (lowercase letters, digits and single hyphens)");
    CHECK(d.all()[3].where == core::SourceLocation{"p.md", 3, 1});
    CHECK(d.all()[3].message.starts_with("\"Jobs\" is not an indicator key"));
    CHECK(d.all()[4].message.starts_with("malformed reference \"{{fact a b c}}\""));
    CHECK(d.all()[5].where == core::SourceLocation{"p.md", 4, 1});
    CHECK(d.all()[5].message.starts_with("unclosed reference"));
}

TEST_CASE("references: a brace pair must close on its own line", "[load]") {
    core::Diagnostics d;
    const auto refs = load::parse_references("{{fact\njobs}}", "p.md", d);
    CHECK(refs.empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message.starts_with("unclosed reference"));
}

TEST_CASE("references: text without braces has none", "[load]") {
    core::Diagnostics d;
    CHECK(load::parse_references("{单括号} 和 } 不是引用", "p.md", d).empty());
    CHECK(d.all().empty());
}
