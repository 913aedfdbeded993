#include "render/urls.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::render;

TEST_CASE("urls: every page is a folder with index.html", "[render]") {
    CHECK(paths::park("a") == "parks/a/index.html");
    CHECK(paths::indicator("land_area") == "indicators/land_area/index.html");
    CHECK(paths::home() == "index.html");
}

TEST_CASE("urls: links are relative, so the site works from any sub-path and from disk", "[render]") {
    CHECK(relative_url("parks/a/index.html", "sources/index.html") == "../../sources/index.html");
    CHECK(relative_url("index.html", "parks/a/index.html") == "parks/a/index.html");
    CHECK(relative_url("parks/a/index.html", "parks/b/index.html") == "../b/index.html");
    CHECK(relative_url("parks/a/index.html", "parks/a/index.html") == "index.html");
    CHECK(relative_url("parks/index.html", "assets/style.css") == "../assets/style.css");
    CHECK(relative_url("404.html", "assets/style.css") == "assets/style.css");
}

TEST_CASE("urls: absolute URLs for the sitemap drop index.html", "[render]") {
    CHECK(absolute_url("https://example.org/parks/", "parks/a/index.html") == "https://example.org/parks/parks/a/");
    CHECK(absolute_url("https://example.org/parks", "index.html") == "https://example.org/parks/");
}

TEST_CASE("urls: relative links between folders that share only a prefix of a name", "[render]") {
    CHECK(relative_url("parks/ab/index.html", "parks/a/index.html") == "../a/index.html");
    CHECK(relative_url("park/a/index.html", "parks/a/index.html") == "../../parks/a/index.html");
    CHECK(relative_url("bulletins/2024-1/index.html", "bulletins/2024-1.pdf") == "../2024-1.pdf");
    CHECK(relative_url("a/b/c/index.html", "a/x/index.html") == "../../x/index.html");
}
