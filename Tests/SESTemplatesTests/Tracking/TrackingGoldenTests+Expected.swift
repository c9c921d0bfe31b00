import SESTemplates

extension TrackingGoldenTests {
    /// What the first (String-based) implementation produced for each case, by name.
    static let expected: [String: Expected] = [
        "mixed": Expected(
            digest: "54542ea901c27b63", byteCount: 4963, linksDigest: "fced800ef1ffa8d8", linkCount: 20,
            html: #"""
                <!DOCTYPE html><html><body>
                <p>Hello <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fwelcome%3Futm_source%3Dses%26utm_medium%3Demail/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/RhU9im6ZJhRhU9im6ZJhUpnmG7k=1">welcome</a></p>
                <A HREF='http://r.us-east-1.awstrack.me/L0/HTTP:%2F%2FEXAMPLE.COM%2FUPPER%2FPath%3FQ%3D1/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/kAEBSAvpBXkAEBSAvpBXYmZjV4q=2'>upper</A>
                <a class="btn" href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fshop.example.com%2Fcart%2F%25E2%2582%25AC%3Fx%3D%2520y%23frag/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/L3JXmBjuk7L3JXmBjuk7gtiv1MT=3" target="_blank">cart</a>
                <a href="http://aws.amazon.com">no-track</a>
                <a href="https://example.com/a">no-track, uppercase</a>
                <a href="mailto:someone@example.com">mail</a> <a href="/relative/path">relative</a>
                <a href="https://example.com/has space">space</a> <a href="https://example.com/bad%zzescape">bad</a>
                <a href="https://example.com/trailing%2">trailing</a> <a href="https://example.com/\#u{FC}n\#u{EF}code">unicode</a>
                <a href="ftp://example.com/file">ftp</a> <a href="http:example.com">no slashes</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2F/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/Uz0wyrsQzxUz0wyrsQzx4hE4HVy=4">bare scheme</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Funquoted%3Fa%3D1/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/5jhf_iQocU5jhf_iQocUg389i4-=5" title="x">unquoted</a>
                <a title="a>b" href = "https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fspaced/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/WiLcD8-KqLWiLcD8-KqLVU5r5E4=6" >spaced</a>
                <a\#thref="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftab/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/k3FjCRkFd-k3FjCRkFd-cSmPXYu=7"
                   data-x='it"s'>tab and newline</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ffirst/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/uZ1yTl0wufuZ1yTl0wufZ1zHaRn=8" href="https://example.com/second">duplicate href</a>
                <a href>href without value</a> <a name="anchor">no href</a>
                <abbr title="x">abbr</abbr><area href="https://example.com/area"><br/>
                <a/href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fslash/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/02haG1yQsH02haG1yQsHE0L5bjv=9">slash</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2FnoSpace/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/yGjLJIQVudyGjLJIQVudcmUQjuE=10"class="x">no space</a>
                <a =weird href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fweird/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/DtoluPL3pADtoluPL3pAz3TvmLF=11">weird</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftwotags/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/0t_SN7Ghqn0t_SN7GhqnQsnzO_u=12">two tags attributes</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftagsnovalue/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/hcPtWpR0ZohcPtWpR0ZogYR-nV2=13">tags without value</a>
                <a href='https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fsingle/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/3G0i9k3YxF3G0i9k3YxFoF1Hkg8=14'>single quotes</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Flong/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/8ZGwdZPYEM8ZGwdZPYEMIwysMeT=15">long tag</a>
                <a href="https://r.us-east-1.awstrack.me/L0/HTTPS:%2F%2FExample.com%2FPath%2FTo%2FPage%3Fquery%3DValue%26amp%3Bother%3D1/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/O1TrJR5FsEO1TrJR5FsExLPjOn7=16">amp</a>
                <a href="https://example.com/kelvin">kelvin sign</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcombining/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/S_tgfgJU4MS_tgfgJU4M5ye-uZR=17">combining</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcrlf/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/KZ0_h_3SaJKZ0_h_3SaJmHpzKAo=18">crlf</a>
                <a href="https://example.com/\#u{E9}">non-ASCII url</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fbrackets%2F%5Bx%5D%2F%28y%29%2F%21%24%27%2A%2B%2C%3B%3D%40~/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/_IdLOakm7Y_IdLOakm7YeN__-ZD=19">characters</a>
                <a href="https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fend/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/_gnO4iFuD0_gnO4iFuD0XHtD04p=20"/>
                <p><img alt="" src="https://r.us-east-1.awstrack.me/I0/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/Hag1zTaTztHag1zTaTztFVuYnI6=0" style="display: none; width: 1px; height: 1px;"></p>
                </body></html>
                """#,
            links: [
                0:
                    #"1 https://example.com/welcome?utm_source=ses&utm_medium=email [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fwelcome%3Futm_source%3Dses%26utm_medium%3Demail/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/RhU9im6ZJhRhU9im6ZJhUpnmG7k=1"#,
                1:
                    #"2 HTTP://EXAMPLE.COM/UPPER/Path?Q=1 [] http://r.us-east-1.awstrack.me/L0/HTTP:%2F%2FEXAMPLE.COM%2FUPPER%2FPath%3FQ%3D1/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/kAEBSAvpBXkAEBSAvpBXYmZjV4q=2"#,
                2:
                    #"3 https://shop.example.com/cart/%E2%82%AC?x=%20y#frag [campaign=spring,variant=b,empty=,ok_1=v-2] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fshop.example.com%2Fcart%2F%25E2%2582%25AC%3Fx%3D%2520y%23frag/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/L3JXmBjuk7L3JXmBjuk7gtiv1MT=3"#,
                3:
                    #"4 https:// [] https://r.us-east-1.awstrack.me/L0/https:%2F%2F/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/Uz0wyrsQzxUz0wyrsQzx4hE4HVy=4"#,
                4:
                    #"5 https://example.com/unquoted?a=1 [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Funquoted%3Fa%3D1/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/5jhf_iQocU5jhf_iQocUg389i4-=5"#,
                5:
                    #"6 https://example.com/spaced [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fspaced/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/WiLcD8-KqLWiLcD8-KqLVU5r5E4=6"#,
                6:
                    #"7 https://example.com/tab [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftab/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/k3FjCRkFd-k3FjCRkFd-cSmPXYu=7"#,
                7:
                    #"8 https://example.com/first [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ffirst/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/uZ1yTl0wufuZ1yTl0wufZ1zHaRn=8"#,
                8:
                    #"9 https://example.com/slash [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fslash/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/02haG1yQsH02haG1yQsHE0L5bjv=9"#,
                9:
                    #"10 https://example.com/noSpace [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2FnoSpace/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/yGjLJIQVudyGjLJIQVudcmUQjuE=10"#,
                10:
                    #"11 https://example.com/weird [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fweird/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/DtoluPL3pADtoluPL3pAz3TvmLF=11"#,
                11:
                    #"12 https://example.com/twotags [k=v] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftwotags/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/0t_SN7Ghqn0t_SN7GhqnQsnzO_u=12"#,
                12:
                    #"13 https://example.com/tagsnovalue [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftagsnovalue/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/hcPtWpR0ZohcPtWpR0ZogYR-nV2=13"#,
                13:
                    #"14 https://example.com/single [single=quoted] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fsingle/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/3G0i9k3YxF3G0i9k3YxFoF1Hkg8=14"#,
                14:
                    #"15 https://example.com/long [short=ok,max=\#(String(repeating: "y", count: 256))] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Flong/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/8ZGwdZPYEM8ZGwdZPYEMIwysMeT=15"#,
                15:
                    #"16 HTTPS://Example.com/Path/To/Page?query=Value&amp;other=1 [] https://r.us-east-1.awstrack.me/L0/HTTPS:%2F%2FExample.com%2FPath%2FTo%2FPage%3Fquery%3DValue%26amp%3Bother%3D1/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/O1TrJR5FsEO1TrJR5FsExLPjOn7=16"#,
                16:
                    #"17 https://example.com/combining [e=f] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcombining/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/S_tgfgJU4MS_tgfgJU4M5ye-uZR=17"#,
                17:
                    #"18 https://example.com/crlf [a=b,g=h] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcrlf/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/KZ0_h_3SaJKZ0_h_3SaJmHpzKAo=18"#,
                18:
                    #"19 https://example.com/brackets/[x]/(y)/!$'*+,;=@~ [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fbrackets%2F%5Bx%5D%2F%28y%29%2F%21%24%27%2A%2B%2C%3B%3D%40~/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/_IdLOakm7Y_IdLOakm7YeN__-ZD=19"#,
                19:
                    #"20 https://example.com/end [] https://r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fend/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/_gnO4iFuD0_gnO4iFuD0XHtD04p=20"#,
            ]),
        "mixed, clicks only": Expected(
            digest: "4ccb332f76af7696", byteCount: 3631, linksDigest: "b2431421c384994a", linkCount: 20,
            html: #"""
                <!DOCTYPE html><html><body>
                <p>Hello <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fwelcome%3Futm_source%3Dses%26utm_medium%3Demail/1/m-1/IfIQU9TdAKIfIQU9TdAKd3wLmua=1">welcome</a></p>
                <A HREF='http://r.eu-west-1.awstrack.me/L0/HTTP:%2F%2FEXAMPLE.COM%2FUPPER%2FPath%3FQ%3D1/1/m-1/3P-DJqA_js3P-DJqA_jski8CBbX=2'>upper</A>
                <a class="btn" href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fshop.example.com%2Fcart%2F%25E2%2582%25AC%3Fx%3D%2520y%23frag/1/m-1/s5lGIm50Cks5lGIm50CkH7aWW7K=3" target="_blank">cart</a>
                <a href="http://aws.amazon.com">no-track</a>
                <a href="https://example.com/a">no-track, uppercase</a>
                <a href="mailto:someone@example.com">mail</a> <a href="/relative/path">relative</a>
                <a href="https://example.com/has space">space</a> <a href="https://example.com/bad%zzescape">bad</a>
                <a href="https://example.com/trailing%2">trailing</a> <a href="https://example.com/\#u{FC}n\#u{EF}code">unicode</a>
                <a href="ftp://example.com/file">ftp</a> <a href="http:example.com">no slashes</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2F/1/m-1/ZBmwSeBjpyZBmwSeBjpyaD_dtpj=4">bare scheme</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Funquoted%3Fa%3D1/1/m-1/DYdA-Jw7QcDYdA-Jw7QczlxW7uj=5" title="x">unquoted</a>
                <a title="a>b" href = "https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fspaced/1/m-1/pU_tCvniJDpU_tCvniJDtj7PLkh=6" >spaced</a>
                <a\#thref="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftab/1/m-1/CkkSRVC9fJCkkSRVC9fJ0dnGOck=7"
                   data-x='it"s'>tab and newline</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ffirst/1/m-1/tH2VIdZ-MrtH2VIdZ-MrmI1YxYH=8" href="https://example.com/second">duplicate href</a>
                <a href>href without value</a> <a name="anchor">no href</a>
                <abbr title="x">abbr</abbr><area href="https://example.com/area"><br/>
                <a/href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fslash/1/m-1/NgqeIljjYWNgqeIljjYW6d62Res=9">slash</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2FnoSpace/1/m-1/sVWTwHBfV8sVWTwHBfV8rKV81gM=10"class="x">no space</a>
                <a =weird href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fweird/1/m-1/J1zid1Ram0J1zid1Ram0tyxWTio=11">weird</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftwotags/1/m-1/7RWl9rG8RU7RWl9rG8RUgU5kQz7=12">two tags attributes</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftagsnovalue/1/m-1/RRA0VO8etSRRA0VO8etSyuHdTgr=13">tags without value</a>
                <a href='https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fsingle/1/m-1/lNlBwrzD8KlNlBwrzD8Kv8EqdiL=14'>single quotes</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Flong/1/m-1/1dX0l1HOiW1dX0l1HOiWdn2_zzk=15">long tag</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/HTTPS:%2F%2FExample.com%2FPath%2FTo%2FPage%3Fquery%3DValue%26amp%3Bother%3D1/1/m-1/zMhMeNuHLdzMhMeNuHLdpsB2bLK=16">amp</a>
                <a href="https://example.com/kelvin">kelvin sign</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcombining/1/m-1/mmOUyWWOC6mmOUyWWOC6w7lA-3S=17">combining</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcrlf/1/m-1/aYRXfEcMfWaYRXfEcMfWtYKyFfS=18">crlf</a>
                <a href="https://example.com/\#u{E9}">non-ASCII url</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fbrackets%2F%5Bx%5D%2F%28y%29%2F%21%24%27%2A%2B%2C%3B%3D%40~/1/m-1/LeeLzIqJQbLeeLzIqJQb1DocqgZ=19">characters</a>
                <a href="https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fend/1/m-1/KWQ9NtG-xXKWQ9NtG-xXhWbZ8vc=20"/>
                <p></p>
                </body></html>
                """#,
            links: [
                0:
                    #"1 https://example.com/welcome?utm_source=ses&utm_medium=email [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fwelcome%3Futm_source%3Dses%26utm_medium%3Demail/1/m-1/IfIQU9TdAKIfIQU9TdAKd3wLmua=1"#,
                1:
                    #"2 HTTP://EXAMPLE.COM/UPPER/Path?Q=1 [] http://r.eu-west-1.awstrack.me/L0/HTTP:%2F%2FEXAMPLE.COM%2FUPPER%2FPath%3FQ%3D1/1/m-1/3P-DJqA_js3P-DJqA_jski8CBbX=2"#,
                2:
                    #"3 https://shop.example.com/cart/%E2%82%AC?x=%20y#frag [campaign=spring,variant=b,empty=,ok_1=v-2] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fshop.example.com%2Fcart%2F%25E2%2582%25AC%3Fx%3D%2520y%23frag/1/m-1/s5lGIm50Cks5lGIm50CkH7aWW7K=3"#,
                3:
                    #"4 https:// [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2F/1/m-1/ZBmwSeBjpyZBmwSeBjpyaD_dtpj=4"#,
                4:
                    #"5 https://example.com/unquoted?a=1 [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Funquoted%3Fa%3D1/1/m-1/DYdA-Jw7QcDYdA-Jw7QczlxW7uj=5"#,
                5:
                    #"6 https://example.com/spaced [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fspaced/1/m-1/pU_tCvniJDpU_tCvniJDtj7PLkh=6"#,
                6:
                    #"7 https://example.com/tab [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftab/1/m-1/CkkSRVC9fJCkkSRVC9fJ0dnGOck=7"#,
                7:
                    #"8 https://example.com/first [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ffirst/1/m-1/tH2VIdZ-MrtH2VIdZ-MrmI1YxYH=8"#,
                8:
                    #"9 https://example.com/slash [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fslash/1/m-1/NgqeIljjYWNgqeIljjYW6d62Res=9"#,
                9:
                    #"10 https://example.com/noSpace [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2FnoSpace/1/m-1/sVWTwHBfV8sVWTwHBfV8rKV81gM=10"#,
                10:
                    #"11 https://example.com/weird [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fweird/1/m-1/J1zid1Ram0J1zid1Ram0tyxWTio=11"#,
                11:
                    #"12 https://example.com/twotags [k=v] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftwotags/1/m-1/7RWl9rG8RU7RWl9rG8RUgU5kQz7=12"#,
                12:
                    #"13 https://example.com/tagsnovalue [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Ftagsnovalue/1/m-1/RRA0VO8etSRRA0VO8etSyuHdTgr=13"#,
                13:
                    #"14 https://example.com/single [single=quoted] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fsingle/1/m-1/lNlBwrzD8KlNlBwrzD8Kv8EqdiL=14"#,
                14:
                    #"15 https://example.com/long [short=ok,max=\#(String(repeating: "y", count: 256))] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Flong/1/m-1/1dX0l1HOiW1dX0l1HOiWdn2_zzk=15"#,
                15:
                    #"16 HTTPS://Example.com/Path/To/Page?query=Value&amp;other=1 [] https://r.eu-west-1.awstrack.me/L0/HTTPS:%2F%2FExample.com%2FPath%2FTo%2FPage%3Fquery%3DValue%26amp%3Bother%3D1/1/m-1/zMhMeNuHLdzMhMeNuHLdpsB2bLK=16"#,
                16:
                    #"17 https://example.com/combining [e=f] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcombining/1/m-1/mmOUyWWOC6mmOUyWWOC6w7lA-3S=17"#,
                17:
                    #"18 https://example.com/crlf [a=b,g=h] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fcrlf/1/m-1/aYRXfEcMfWaYRXfEcMfWtYKyFfS=18"#,
                18:
                    #"19 https://example.com/brackets/[x]/(y)/!$'*+,;=@~ [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fbrackets%2F%5Bx%5D%2F%28y%29%2F%21%24%27%2A%2B%2C%3B%3D%40~/1/m-1/LeeLzIqJQbLeeLzIqJQb1DocqgZ=19"#,
                19:
                    #"20 https://example.com/end [] https://r.eu-west-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fend/1/m-1/KWQ9NtG-xXKWQ9NtG-xXhWbZ8vc=20"#,
            ]),
        "mixed, opens only": Expected(
            digest: "f66b14771a1f21a4", byteCount: 2136, linksDigest: "cbf29ce484222325", linkCount: 0,
            html: #"""
                <!DOCTYPE html><html><body>
                <p>Hello <a href="https://example.com/welcome?utm_source=ses&utm_medium=email">welcome</a></p>
                <A HREF='HTTP://EXAMPLE.COM/UPPER/Path?Q=1'>upper</A>
                <a class="btn" href="https://shop.example.com/cart/%E2%82%AC?x=%20y#frag" target="_blank">cart</a>
                <a href="http://aws.amazon.com">no-track</a>
                <a href="https://example.com/a">no-track, uppercase</a>
                <a href="mailto:someone@example.com">mail</a> <a href="/relative/path">relative</a>
                <a href="https://example.com/has space">space</a> <a href="https://example.com/bad%zzescape">bad</a>
                <a href="https://example.com/trailing%2">trailing</a> <a href="https://example.com/\#u{FC}n\#u{EF}code">unicode</a>
                <a href="ftp://example.com/file">ftp</a> <a href="http:example.com">no slashes</a>
                <a href="https://">bare scheme</a>
                <a href=https://example.com/unquoted?a=1 title="x">unquoted</a>
                <a title="a>b" href = "https://example.com/spaced" >spaced</a>
                <a\#thref="https://example.com/tab"
                   data-x='it"s'>tab and newline</a>
                <a href="https://example.com/first" href="https://example.com/second">duplicate href</a>
                <a href>href without value</a> <a name="anchor">no href</a>
                <abbr title="x">abbr</abbr><area href="https://example.com/area"><br/>
                <a/href="https://example.com/slash">slash</a>
                <a href="https://example.com/noSpace"class="x">no space</a>
                <a =weird href="https://example.com/weird">weird</a>
                <a href="https://example.com/twotags">two tags attributes</a>
                <a href="https://example.com/tagsnovalue">tags without value</a>
                <a href='https://example.com/single'>single quotes</a>
                <a href="https://example.com/long">long tag</a>
                <a href="HTTPS://Example.com/Path/To/Page?query=Value&amp;other=1">amp</a>
                <a href="https://example.com/kelvin">kelvin sign</a>
                <a href="https://example.com/combining">combining</a>
                <a href="https://example.com/crlf">crlf</a>
                <a href="https://example.com/\#u{E9}">non-ASCII url</a>
                <a href="https://example.com/brackets/[x]/(y)/!$'*+,;=@~">characters</a>
                <a href="https://example.com/end"/>
                <p><img alt="" src="https://r.eu-west-1.awstrack.me/I0/m-2/lyd-3Ijtdplyd-3IjtdpPCFLNI0=0" style="display: none; width: 1px; height: 1px;"></p>
                </body></html>
                """#,
            links: [:]),
        "mixed, neither": Expected(
            digest: "b52f2d118d5269f2", byteCount: 2001, linksDigest: "cbf29ce484222325", linkCount: 0,
            html: #"""
                <!DOCTYPE html><html><body>
                <p>Hello <a href="https://example.com/welcome?utm_source=ses&utm_medium=email">welcome</a></p>
                <A HREF='HTTP://EXAMPLE.COM/UPPER/Path?Q=1'>upper</A>
                <a class="btn" href="https://shop.example.com/cart/%E2%82%AC?x=%20y#frag" target="_blank">cart</a>
                <a href="http://aws.amazon.com">no-track</a>
                <a href="https://example.com/a">no-track, uppercase</a>
                <a href="mailto:someone@example.com">mail</a> <a href="/relative/path">relative</a>
                <a href="https://example.com/has space">space</a> <a href="https://example.com/bad%zzescape">bad</a>
                <a href="https://example.com/trailing%2">trailing</a> <a href="https://example.com/\#u{FC}n\#u{EF}code">unicode</a>
                <a href="ftp://example.com/file">ftp</a> <a href="http:example.com">no slashes</a>
                <a href="https://">bare scheme</a>
                <a href=https://example.com/unquoted?a=1 title="x">unquoted</a>
                <a title="a>b" href = "https://example.com/spaced" >spaced</a>
                <a\#thref="https://example.com/tab"
                   data-x='it"s'>tab and newline</a>
                <a href="https://example.com/first" href="https://example.com/second">duplicate href</a>
                <a href>href without value</a> <a name="anchor">no href</a>
                <abbr title="x">abbr</abbr><area href="https://example.com/area"><br/>
                <a/href="https://example.com/slash">slash</a>
                <a href="https://example.com/noSpace"class="x">no space</a>
                <a =weird href="https://example.com/weird">weird</a>
                <a href="https://example.com/twotags">two tags attributes</a>
                <a href="https://example.com/tagsnovalue">tags without value</a>
                <a href='https://example.com/single'>single quotes</a>
                <a href="https://example.com/long">long tag</a>
                <a href="HTTPS://Example.com/Path/To/Page?query=Value&amp;other=1">amp</a>
                <a href="https://example.com/kelvin">kelvin sign</a>
                <a href="https://example.com/combining">combining</a>
                <a href="https://example.com/crlf">crlf</a>
                <a href="https://example.com/\#u{E9}">non-ASCII url</a>
                <a href="https://example.com/brackets/[x]/(y)/!$'*+,;=@~">characters</a>
                <a href="https://example.com/end"/>
                <p></p>
                </body></html>
                """#,
            links: [:]),
        "placeholders, custom domain": Expected(
            digest: "4c206a1fcf39de6e", byteCount: 610, linksDigest: "9452b3207ad2e335", linkCount: 2,
            html: #"""
                <p>{<img alt="" src="http://track.example.com/I0/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/iYX_PrYnfZiYX_PrYnfZGQ_YQ_b=0" style="display: none; width: 1px; height: 1px;">}</p><a title="{{ses:openTracker}}" href="https://track.example.com/L0/https:%2F%2Fx.example%2F/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/ji-bwFcFeSji-bwFcFeS1tKnjhW=1">x</a>
                {{ses:OpenTracker}} {{ses:openTracker}} and {{ses:openTracker}}<a href="https://track.example.com/L0/https:%2F%2Fy.example%2F/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/PCfgvFqYX7PCfgvFqYX7iK3wmW1=2">y</a>
                """#,
            links: [
                0:
                    #"1 https://x.example/ [] https://track.example.com/L0/https:%2F%2Fx.example%2F/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/ji-bwFcFeSji-bwFcFeS1tKnjhW=1"#,
                1:
                    #"2 https://y.example/ [] https://track.example.com/L0/https:%2F%2Fy.example%2F/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/PCfgvFqYX7PCfgvFqYX7iK3wmW1=2"#,
            ]),
        "placeholders, no opens": Expected(
            digest: "2293bb7cbf47f898", byteCount: 323, linksDigest: "bedcd2ca32a861c6", linkCount: 2,
            html: #"""
                <p>{}</p><a title="{{ses:openTracker}}" href="https://r.us-west-2.awstrack.me/L0/https:%2F%2Fx.example%2F/1/m-4/rjqxXfcoA0rjqxXfcoA0NruvOk0=1">x</a>
                {{ses:OpenTracker}} {{ses:openTracker}} and {{ses:openTracker}}<a href="https://r.us-west-2.awstrack.me/L0/https:%2F%2Fy.example%2F/1/m-4/kXDBPVgzIXkXDBPVgzIXsaOqpQa=2">y</a>
                """#,
            links: [
                0:
                    #"1 https://x.example/ [] https://r.us-west-2.awstrack.me/L0/https:%2F%2Fx.example%2F/1/m-4/rjqxXfcoA0rjqxXfcoA0NruvOk0=1"#,
                1:
                    #"2 https://y.example/ [] https://r.us-west-2.awstrack.me/L0/https:%2F%2Fy.example%2F/1/m-4/kXDBPVgzIXkXDBPVgzIXsaOqpQa=2"#,
            ]),
        "malformed": Expected(
            digest: "f42e44109be23309", byteCount: 380, linksDigest: "db5013b9a35c3cc0", linkCount: 1,
            html: #"""
                <a title="oops href="https://e.com/1">one</a> <a href="https://r.ap-south-1.awstrack.me/L0/https:%2F%2Fe.com%2F2/1/m-5/S8DckwPxEKS8DckwPxEKnNfwgfE=1">two</a>
                <a href='https://e.com/"quoted'>q</a> {{ses:openTrack <p>text <a href="https://e.com/x<img alt="" src="https://r.ap-south-1.awstrack.me/I0/m-5/o3eKx__V-Ro3eKx__V-R6ZdKxKW=0" style="display: none; width: 1px; height: 1px;">
                """#,
            links: [
                0:
                    #"1 https://e.com/2 [] https://r.ap-south-1.awstrack.me/L0/https:%2F%2Fe.com%2F2/1/m-5/S8DckwPxEKS8DckwPxEKnNfwgfE=1"#
            ]),
        "empty": Expected(
            digest: "ae3f476e0f01ae07", byteCount: 135, linksDigest: "cbf29ce484222325", linkCount: 0,
            html: #"""
                <img alt="" src="https://r.us-east-1.awstrack.me/I0/m-6/5HMm1YYOBP5HMm1YYOBPjwfPIYk=0" style="display: none; width: 1px; height: 1px;">
                """#,
            links: [:]),
        "285 links, 260 trackable": Expected(
            digest: "37484522341b4afd", byteCount: 46796, linksDigest: "694ad6475eee3d85", linkCount: 250,
            html: nil,
            links: [
                0:
                    #"1 https://example.com/p/0?a=b [n=0,p=q] https://r.sa-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fp%2F0%3Fa%3Db/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/-ozJF6YdV0-ozJF6YdV0Rgpj-mO=1"#,
                249:
                    #"250 https://example.com/p/273?a=b [n=273,p=q] https://r.sa-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fp%2F273%3Fa%3Db/1/010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000/zE2e0AzuJ3zE2e0AzuJ3Y1tYVUX=250"#,
            ]),
        "invalid UTF-8": Expected(
            digest: "50056d08a6f5cfb7", byteCount: 263, linksDigest: "c4067b48819010d2", linkCount: 1,
            html: #"""
                <p>\#u{FF}</p><a href="https://e.com/\#u{FFFD}(">x</a><a \#u{FFFD}="1" href="https://c.example/L0/https:%2F%2Fe.com%2Fok/1/m-7/16LXXxVFWb16LXXxVFWbUfFDLpp=1">y</a><img alt="" src="http://c.example/I0/m-7/gsVctYC8SUgsVctYC8SUnrydj2u=0" style="display: none; width: 1px; height: 1px;">
                """#,
            links: [
                0:
                    #"1 https://e.com/ok [] https://c.example/L0/https:%2F%2Fe.com%2Fok/1/m-7/16LXXxVFWb16LXXxVFWbUfFDLpp=1"#
            ]),
    ]
}
