#pragma once

#include <map>
#include <string>

namespace parkpress::render {

/// The files of a site, by path relative to the output folder. Rendering produces them;
/// only write/ puts them on disk.
using OutputFiles = std::map<std::string, std::string>;

/// A theme: Mustache templates by name (file stem) and static assets by output path.
struct Theme {
    std::map<std::string, std::string> templates;
    OutputFiles assets;
};

} // namespace parkpress::render
