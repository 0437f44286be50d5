#!/usr/bin/env bash
# Starts Dovecot (Debian's IMAP server) in the foreground for a test: on 127.0.0.1:PORT, with its
# configuration, state and mail under DIR, one user `sales` (password `secret`) and an `Archive`
# folder. Never as a system service; the caller stops it by ending this process.
#
#   tests/tools/dovecot.sh DIR PORT
#
# Started as root, its mail processes run as `dovenull` (its login process refuses root);
# started as anyone else, everything runs as that user.
set -euo pipefail
dir=$1
port=$2
mkdir -p "$dir/run" "$dir/mail"
if [ "$(id -u)" = 0 ]; then
  user=dovenull
  as_user=""
  chown -R dovenull:dovenull "$dir/mail"
  # The mail processes must reach the folder's files.
  chmod 755 "$dir"
else
  user=$(id -un)
  as_user="default_login_user = $user
default_internal_user = $user"
fi
echo 'sales:{PLAIN}secret' >"$dir/users"
cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/run/state
instance_name = archguide-test-$port
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $dir/dovecot.log
$as_user
mail_location = maildir:$dir/mail/%u
mail_uid = $user
mail_gid = $user
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$user gid=$user home=$dir/mail/%u
}
namespace inbox {
  inbox = yes
  mailbox Archive {
    auto = create
    special_use = \Archive
  }
}
service imap-login {
  inet_listener imap {
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
exec dovecot -F -c "$dir/dovecot.conf"
