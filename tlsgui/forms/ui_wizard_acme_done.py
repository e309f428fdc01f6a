# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_acme_done.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_WizardAcmeDone(object):
    def setupUi(self, WizardAcmeDone):
        if not WizardAcmeDone.objectName():
            WizardAcmeDone.setObjectName(u"WizardAcmeDone")
        WizardAcmeDone.resize(640, 520)
        self.done_layout = QVBoxLayout(WizardAcmeDone)
        self.done_layout.setObjectName(u"done_layout")
        self.checklist = QLabel(WizardAcmeDone)
        self.checklist.setObjectName(u"checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)

        self.done_layout.addWidget(self.checklist)

        self.reload_label = QLabel(WizardAcmeDone)
        self.reload_label.setObjectName(u"reload_label")
        self.reload_label.setWordWrap(True)

        self.done_layout.addWidget(self.reload_label)

        self.timer_check = QCheckBox(WizardAcmeDone)
        self.timer_check.setObjectName(u"timer_check")
        self.timer_check.setChecked(True)

        self.done_layout.addWidget(self.timer_check)

        self.done_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.done_layout.addItem(self.done_spacer)


        self.retranslateUi(WizardAcmeDone)

        QMetaObject.connectSlotsByName(WizardAcmeDone)
    # setupUi

    def retranslateUi(self, WizardAcmeDone):
        WizardAcmeDone.setTitle(QCoreApplication.translate("WizardAcmeDone", u"Install the certificate", None))
        WizardAcmeDone.setSubTitle(QCoreApplication.translate("WizardAcmeDone", u"Check what the CA issued; Finish installs key.pem and cert.pem (the old ones are backed up).", None))
        self.reload_label.setText("")
        self.timer_check.setText(QCoreApplication.translate("WizardAcmeDone", u"Renew automatically (a timer runs `tlsgui renew` twice a day)", None))
    # retranslateUi

