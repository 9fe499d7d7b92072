break work
continue
bt
continue
