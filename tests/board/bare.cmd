# The bare-metal echo program (echo.c): break by symbol, watch the global, type on the UART.
# run.sh puts the first argument register of the architecture (r0, x0) in place of the REG0 below.
break echo
watch count
uart send "a"
continue
print/x $REG0
continue
print count
uart send "xy"
continue
continue
print count
delete
continue &
uart expect "ready\naxy"
uart send "z"
uart expect "z"
interrupt
print count
quit
