#pragma once
#include <string>

#include "cli/context.hpp"

namespace mp::cli {

/// Writes text to path atomically: a temporary file in the same folder, then rename, so a
/// failed run never leaves a partial file or truncates an existing one. Throws
/// mp::Error(kCantCreate) when the file cannot be created, kIoErr when writing fails.
void write_file_atomically(const std::string& path, const std::string& text);

/// Writes text to -o FILE when path is non-empty ("-" means stdout), else to ctx.out.
void emit(const Context& ctx, const std::string& path, const std::string& text);

}  // namespace mp::cli
