// Reads artifact bytes back into an Artifact, checking on the way, in this order: the magic
// number, the format version, the header, the length (truncation or trailing bytes), the
// checksum, the section table, then each section's contents and the program they make.
// Every problem is an ArtifactError with one line naming it; nothing is half-loaded.
#pragma once

#include <string_view>

#include "compiler/artifact/artifact.h"

namespace journey::artifact {

Artifact readArtifact(std::string_view bytes);

// The checksum the header should hold for these bytes (every byte but the checksum's own).
uint64_t artifactChecksum(std::string_view bytes);

}  // namespace journey::artifact
