dnl config.m4 for the paysign extension.
dnl
dnl   phpize && ./configure --with-paysign=DIR && make && make test
dnl
dnl DIR is either the paysign source tree (include/paysign.h, target/release/libpaysign.a
dnl after `cargo build --release`) or an install prefix (include/paysign.h, lib/libpaysign.a).
dnl The static library is linked into paysign.so, so a server installs that one file.

PHP_ARG_WITH([paysign],
  [for paysign support],
  [AS_HELP_STRING([[--with-paysign[=DIR]]],
    [Include paysign support. DIR is the paysign source tree or install prefix])])

if test "$PHP_PAYSIGN" != "no"; then
  AC_MSG_CHECKING([for paysign.h])
  PAYSIGN_DIR=
  if test "$PHP_PAYSIGN" = "yes"; then
    paysign_search="/usr/local /usr"
  else
    paysign_search="$PHP_PAYSIGN"
  fi
  for d in $paysign_search; do
    if test -r "$d/include/paysign.h"; then
      PAYSIGN_DIR="$d"
      break
    fi
  done
  if test -z "$PAYSIGN_DIR"; then
    AC_MSG_RESULT([not found])
    AC_MSG_ERROR([include/paysign.h not found under $paysign_search; pass --with-paysign=DIR])
  fi
  AC_MSG_RESULT([$PAYSIGN_DIR/include])

  AC_MSG_CHECKING([for libpaysign.a])
  PAYSIGN_LIB=
  for l in "$PAYSIGN_DIR/target/release" "$PAYSIGN_DIR/lib" "$PAYSIGN_DIR/lib64" "$PAYSIGN_DIR/$PHP_LIBDIR"; do
    if test -r "$l/libpaysign.a"; then
      PAYSIGN_LIB="$l/libpaysign.a"
      break
    fi
  done
  if test -z "$PAYSIGN_LIB"; then
    AC_MSG_RESULT([not found])
    AC_MSG_ERROR([libpaysign.a not found under $PAYSIGN_DIR (run cargo build --release there)])
  fi
  AC_MSG_RESULT([$PAYSIGN_LIB])

  PHP_ADD_INCLUDE([$PAYSIGN_DIR/include])

  dnl The Rust staticlib needs these system libraries.
  PAYSIGN_SHARED_LIBADD="$PAYSIGN_LIB -lpthread -ldl -lm"

  dnl Keep the Rust runtime's symbols (pulled from the static library) private to
  dnl paysign.so, so they cannot clash with another extension's.
  AC_MSG_CHECKING([whether the linker accepts --exclude-libs])
  paysign_save_LDFLAGS="$LDFLAGS"
  LDFLAGS="$LDFLAGS -Wl,--exclude-libs,libpaysign.a"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([], [])],
    [AC_MSG_RESULT([yes]); PAYSIGN_SHARED_LIBADD="$PAYSIGN_SHARED_LIBADD -Wl,--exclude-libs,libpaysign.a"],
    [AC_MSG_RESULT([no])])
  LDFLAGS="$paysign_save_LDFLAGS"

  PHP_SUBST(PAYSIGN_SHARED_LIBADD)
  AC_DEFINE(HAVE_PAYSIGN, 1, [Whether you have paysign])
  PHP_NEW_EXTENSION(paysign, paysign.c, $ext_shared,, -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1)
fi
