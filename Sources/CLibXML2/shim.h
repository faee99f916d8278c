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

// libxml2 reports a few problems (I/O failures while opening an input, some
// out-of-memory paths) through the thread's "generic" error function, whose
// type is variadic (`void f(void *ctx, const char *msg, ...)`). Swift cannot
// define a C variadic function, so this no-op lives here. Installing it keeps
// the library from printing to stderr; the parser reports every problem it
// cares about through the structured error handler (`serror`) instead.
static inline void evidence_xml_silent_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

// Installs `evidence_xml_silent_generic_error` for the calling thread. Swift
// cannot take the address of a C variadic function, so the assignment is done
// here, in C.
static inline void evidence_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, evidence_xml_silent_generic_error);
}

#endif
