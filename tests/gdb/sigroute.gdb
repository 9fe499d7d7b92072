handle SIGUSR1 nostop noprint pass
continue
