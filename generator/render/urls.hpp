#pragma once

#include <string>
#include <string_view>

namespace parkpress::render {

/// Output paths of the site's pages, relative to the output folder, always ending in
/// index.html so that links work from a host's sub-path and from file:// alike.
namespace paths {
std::string home();
std::string parks_index();
std::string park(std::string_view slug);
std::string provinces_index();
std::string province(std::string_view slug);
std::string kinds_index();
std::string kind(std::string_view key);
std::string indicators_index();
std::string indicator(std::string_view key);
std::string compare();
std::string sources();
std::string source(std::string_view key);
std::string bulletins_index();
std::string bulletin(std::string_view id);
std::string bulletin_pdf(std::string_view id);
std::string changes();
} // namespace paths

/// The relative URL from the page at `from` to the file at `to` (both output paths).
/// relative_url("parks/a/index.html", "sources/index.html") == "../../sources/index.html"
/// relative_url("index.html", "parks/a/index.html") == "parks/a/index.html"
std::string relative_url(std::string_view from, std::string_view to);

/// The absolute URL of an output path under the site's base_url, for the sitemap and feed;
/// "index.html" at the end is dropped: absolute_url("https://x/p/", "parks/a/index.html")
/// == "https://x/p/parks/a/".
std::string absolute_url(std::string_view base_url, std::string_view path);

} // namespace parkpress::render
