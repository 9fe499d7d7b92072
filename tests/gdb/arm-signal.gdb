set pagination off
handle SIGUSR1 nostop noprint pass
handle SIGUSR2 nostop noprint pass
break on_signal
continue
bt
finish
delete
continue
kill
