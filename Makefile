# xtrace build: `make` builds build/xtrace, `make test` runs every test tier, `make bench` compares with qemu-user.
CC ?= gcc
O ?= build
PREFIX ?= /usr/local
CFLAGS ?= -O2 -g
XCFLAGS := -std=gnu11 -Wall -Wextra -Wno-unused-parameter -D_GNU_SOURCE -MMD -MP \
	-Isrc -Isrc/emu -Isrc/emu/linux -Isrc/trace -Isrc/emu/isa/riscv64
LDLIBS := -lm

# Guest architectures built in (each one's backend lives in src/emu/isa/NAME/).
ISAS := riscv64 aarch64 arm
LIB_SRCS := $(wildcard src/emu/*.c src/emu/linux/*.c $(foreach i,$(ISAS),src/emu/isa/$(i)/*.c) src/trace/*.c src/gdbstub/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.o)
# The front ends link into the xtrace binary only (they need curses and readline).
UI_SRCS := $(wildcard src/ui/*.c)
UI_OBJS := $(UI_SRCS:%.c=$(O)/%.o)
UI_LIBS := -lreadline -lncursesw
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(O)/tests/%)

all: $(O)/xtrace

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) $(CFLAGS) -c $< -o $@

# FP emulation relies on the host's rounding modes and sticky exception flags.
$(O)/src/emu/isa/%.o: XCFLAGS += -frounding-math -fsignaling-nans

# Capstone disassembles the Arm guests in crash reports and the debugger when it is installed.
ifneq ($(wildcard /usr/include/capstone/capstone.h),)
XCFLAGS += -DXTRACE_HAVE_CAPSTONE
LDLIBS += -lcapstone
endif

$(O)/libxtrace.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

# Board emulators (xtrace attach/board): RSP client, target descriptions (expat), UART, QMP; linked like the front ends.
REMOTE_SRCS := $(wildcard src/remote/*.c)
REMOTE_OBJS := $(REMOTE_SRCS:%.c=$(O)/%.o)
REMOTE_LIBS := -lexpat -lpthread

$(O)/xtrace: $(O)/src/main.o $(UI_OBJS) $(REMOTE_OBJS) $(O)/libxtrace.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS) $(UI_LIBS) $(REMOTE_LIBS)

# Unit tests link against the core library (each may bring its own stand-ins; those win over the archive).
$(O)/tests/%: tests/unit/%.c $(O)/libxtrace.a
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) $(CFLAGS) -frounding-math -fsignaling-nans -o $@ $< $(O)/libxtrace.a $(LDLIBS)

# Decoder coverage: which encodings capstone decodes that the aarch64/arm backends do not implement.
$(O)/tools/coverage: tools/coverage.c $(O)/libxtrace.a
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) $(CFLAGS) -o $@ $< $(O)/libxtrace.a $(LDLIBS)

coverage: $(O)/tools/coverage
	$(O)/tools/coverage walk aarch64
	$(O)/tools/coverage walk arm
	tests/coverage/run.sh $(O) report

install: $(O)/xtrace
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(O)/xtrace $(DESTDIR)$(PREFIX)/bin/xtrace

# One-time set-up of a fresh Debian machine: cross toolchain, qemu-user (reference), tools the tests use.
deps:
	@tools/setup-deps.sh

# A real riscv64 program under xtrace with its syscall log.
demo: deps $(O)/xtrace
	@mkdir -p $(O)/examples
	riscv64-linux-gnu-gcc -O2 -o $(O)/examples/hello examples/hello.c
	$(O)/xtrace -L /usr/riscv64-linux-gnu -strace $(O)/examples/hello "from the demo"

test: deps $(O)/xtrace $(UNIT_BINS)
	@tools/run-tests.sh $(O)

# Longer randomised differential run (1000 seeds).
test-long: deps $(O)/xtrace
	DIFF_LONG=1 tests/diff/run.sh $(O)/xtrace $(O)/diff

bench: deps $(O)/xtrace
	@echo "== riscv64 guests against qemu-riscv64"
	BENCH_BUILD=$(abspath $(O))/bench XTRACE=$(abspath $(O))/xtrace bench/run.sh
	@echo "== aarch64 guests against qemu-aarch64"
	CROSS_CC=aarch64-linux-gnu-gcc QEMU=qemu-aarch64 SYSROOT=/usr/aarch64-linux-gnu \
	    BENCH_BUILD=$(abspath $(O))/bench-a64 XTRACE=$(abspath $(O))/xtrace bench/run.sh
	@echo "== arm guests against qemu-arm"
	CROSS_CC=arm-linux-gnueabihf-gcc QEMU=qemu-arm SYSROOT=/usr/arm-linux-gnueabihf \
	    BENCH_BUILD=$(abspath $(O))/bench-arm XTRACE=$(abspath $(O))/xtrace bench/run.sh

clean:
	rm -rf $(O)

.PHONY: all install deps demo test test-long bench coverage clean
-include $(LIB_OBJS:.o=.d) $(UI_OBJS:.o=.d) $(REMOTE_OBJS:.o=.d) $(O)/src/main.d
