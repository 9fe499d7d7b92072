catch exec
continue
info proc
bt
break work
continue
bt
continue
