set pagination off
break main
continue
watch area.target
continue
continue
continue
continue
continue
continue
continue
continue
delete
rwatch area.target
continue
continue
continue
delete
continue
