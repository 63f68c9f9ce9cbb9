# medsec の表示文 / medsec's messages (ja).
# One message per stable ID; the same IDs in ja/ and en/. Arguments are named ($item, $path).
# Sections follow the source's rooms; keep each message under its room's heading.

## common

common-yes = はい
common-no = いいえ
common-count-items = { $count } 件

## cli

## checklist

## answers

## probes

## report

## signing

## verify

## lint

## diff

## render
