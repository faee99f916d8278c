#ifndef EVIDENCE_CLIBXML2_SHIM_H
#define EVIDENCE_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and its headers then pull in ICU's
// headers. A Swift module that imports both this module and Foundation
// (which has its own ICU) then fails with "'UErrorCode' has different
// definitions in different modules". Nothing here needs ICU, so switch it
// off before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/entities.h>

#endif
