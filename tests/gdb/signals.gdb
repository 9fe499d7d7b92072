handle SIGUSR2 nostop noprint pass
continue
continue
info registers a5
continue
