/* TEST ONLY, NEVER SHIPPED: a stand-in for Windows' system icuuc.dll so that Qt6Core starts
 * under wine, which has no ICU. Real Windows 10 >= 1703 has icuuc.dll in System32.
 * Every converter "fails to open", so Qt falls back to its own codecs (UTF-8/UTF-16/Latin-1).
 * Built by test-windows.sh with Debian's mingw-w64 and copied into the wine prefix's system32.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
enum { U_FILE_ACCESS_ERROR = 4 };
#define STUB __declspec(dllexport)

STUB void *ucnv_open(const char *name, UErrorCode *err) { (void)name; if (err) *err = U_FILE_ACCESS_ERROR; return NULL; }
STUB void ucnv_close(void *c) { (void)c; }
STUB void ucnv_reset(void *c) { (void)c; }
STUB int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 4; }
STUB const char *ucnv_getName(const void *c, UErrorCode *err) { (void)c; if (err) *err = U_FILE_ACCESS_ERROR; return ""; }
STUB const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { (void)n; (void)s; if (err) *err = U_FILE_ACCESS_ERROR; return NULL; }
STUB int32_t ucnv_countAvailable(void) { return 0; }
STUB const char *ucnv_getAvailableName(int32_t i) { (void)i; return NULL; }
STUB void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
STUB void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
STUB void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL; (void)err; }
STUB void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL; (void)err; }
STUB void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)l; (void)o; (void)err; }
STUB void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *e, int32_t o, UErrorCode *err) { (void)a; (void)s; (void)e; (void)o; (void)err; }
STUB int32_t ucnv_toUCountPending(const void *c, UErrorCode *err) { (void)c; (void)err; return 0; }
STUB int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err) { (void)c; (void)err; return 0; }
STUB void ucnv_toUnicode(void *c, void **t, const void *te, const char **s, const char *se, int32_t *o, int8_t f, UErrorCode *err) { (void)c; (void)t; (void)te; (void)s; (void)se; (void)o; (void)f; if (err) *err = U_FILE_ACCESS_ERROR; }
STUB void ucnv_fromUnicode(void *c, char **t, const char *te, const void **s, const void *se, int32_t *o, int8_t f, UErrorCode *err) { (void)c; (void)t; (void)te; (void)s; (void)se; (void)o; (void)f; if (err) *err = U_FILE_ACCESS_ERROR; }
STUB void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const void *c, int32_t d, int32_t e, int f, UErrorCode *err) { (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)err; }
STUB void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const char *c, int32_t d, int f, UErrorCode *err) { (void)a; (void)b; (void)c; (void)d; (void)f; (void)err; }
