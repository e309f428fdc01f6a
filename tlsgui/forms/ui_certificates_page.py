# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'certificates_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from tlsgui.widgets.chain_view import ChainView
from tlsgui.widgets.timeline import ValidityTimeline

class Ui_CertificatesPage(object):
    def setupUi(self, CertificatesPage):
        if not CertificatesPage.objectName():
            CertificatesPage.setObjectName(u"CertificatesPage")
        CertificatesPage.resize(760, 520)
        self.page_layout = QVBoxLayout(CertificatesPage)
        self.page_layout.setObjectName(u"page_layout")
        self.actions = QWidget(CertificatesPage)
        self.actions.setObjectName(u"actions")
        self.actions_layout = QGridLayout(self.actions)
        self.actions_layout.setObjectName(u"actions_layout")
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.wizard_button = QPushButton(self.actions)
        self.wizard_button.setObjectName(u"wizard_button")

        self.actions_layout.addWidget(self.wizard_button, 0, 0, 1, 1)

        self.import_button = QPushButton(self.actions)
        self.import_button.setObjectName(u"import_button")

        self.actions_layout.addWidget(self.import_button, 0, 1, 1, 1)

        self.selfsigned_button = QPushButton(self.actions)
        self.selfsigned_button.setObjectName(u"selfsigned_button")

        self.actions_layout.addWidget(self.selfsigned_button, 0, 2, 1, 1)

        self.dhparams_button = QPushButton(self.actions)
        self.dhparams_button.setObjectName(u"dhparams_button")

        self.actions_layout.addWidget(self.dhparams_button, 1, 0, 1, 1)

        self.refresh_button = QPushButton(self.actions)
        self.refresh_button.setObjectName(u"refresh_button")

        self.actions_layout.addWidget(self.refresh_button, 1, 1, 1, 1)

        self.test_button = QPushButton(self.actions)
        self.test_button.setObjectName(u"test_button")

        self.actions_layout.addWidget(self.test_button, 1, 2, 1, 1)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer, 0, 3, 2, 1)

        self.actions_layout.setColumnStretch(3, 1)

        self.page_layout.addWidget(self.actions)

        self.names_group = QGroupBox(CertificatesPage)
        self.names_group.setObjectName(u"names_group")
        self.names_group_grid = QGridLayout(self.names_group)
        self.names_group_grid.setObjectName(u"names_group_grid")
        self.web_host_names_label = QLabel(self.names_group)
        self.web_host_names_label.setObjectName(u"web_host_names_label")

        self.names_group_grid.addWidget(self.web_host_names_label, 0, 0, 1, 1)

        self.web_host_names = QLineEdit(self.names_group)
        self.web_host_names.setObjectName(u"web_host_names")

        self.names_group_grid.addWidget(self.web_host_names, 0, 1, 1, 1)

        self.web_host_names_source = QLabel(self.names_group)
        self.web_host_names_source.setObjectName(u"web_host_names_source")

        self.names_group_grid.addWidget(self.web_host_names_source, 0, 2, 1, 1)

        self.web_certificate_folder_label = QLabel(self.names_group)
        self.web_certificate_folder_label.setObjectName(u"web_certificate_folder_label")

        self.names_group_grid.addWidget(self.web_certificate_folder_label, 1, 0, 1, 1)

        self.web_certificate_folder = QLineEdit(self.names_group)
        self.web_certificate_folder.setObjectName(u"web_certificate_folder")

        self.names_group_grid.addWidget(self.web_certificate_folder, 1, 1, 1, 1)

        self.web_certificate_folder_source = QLabel(self.names_group)
        self.web_certificate_folder_source.setObjectName(u"web_certificate_folder_source")

        self.names_group_grid.addWidget(self.web_certificate_folder_source, 1, 2, 1, 1)

        self.tls_folder_note = QLabel(self.names_group)
        self.tls_folder_note.setObjectName(u"tls_folder_note")
        self.tls_folder_note.setWordWrap(True)
        self.tls_folder_note.setTextFormat(Qt.RichText)

        self.names_group_grid.addWidget(self.tls_folder_note, 2, 0, 1, 3)

        self.names_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.names_group)

        self.files_group = QGroupBox(CertificatesPage)
        self.files_group.setObjectName(u"files_group")
        self.files_group_grid = QGridLayout(self.files_group)
        self.files_group_grid.setObjectName(u"files_group_grid")
        self.files_key_label = QLabel(self.files_group)
        self.files_key_label.setObjectName(u"files_key_label")

        self.files_group_grid.addWidget(self.files_key_label, 0, 0, 1, 1)

        self.files_key = QLabel(self.files_group)
        self.files_key.setObjectName(u"files_key")
        self.files_key.setWordWrap(True)
        self.files_key.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.files_key, 0, 1, 1, 2)

        self.files_cert_label = QLabel(self.files_group)
        self.files_cert_label.setObjectName(u"files_cert_label")

        self.files_group_grid.addWidget(self.files_cert_label, 1, 0, 1, 1)

        self.files_cert = QLabel(self.files_group)
        self.files_cert.setObjectName(u"files_cert")
        self.files_cert.setWordWrap(True)
        self.files_cert.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.files_cert, 1, 1, 1, 2)

        self.cert_subject_label = QLabel(self.files_group)
        self.cert_subject_label.setObjectName(u"cert_subject_label")

        self.files_group_grid.addWidget(self.cert_subject_label, 2, 0, 1, 1)

        self.cert_subject = QLabel(self.files_group)
        self.cert_subject.setObjectName(u"cert_subject")
        self.cert_subject.setWordWrap(True)
        self.cert_subject.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.cert_subject, 2, 1, 1, 2)

        self.cert_names_label = QLabel(self.files_group)
        self.cert_names_label.setObjectName(u"cert_names_label")

        self.files_group_grid.addWidget(self.cert_names_label, 3, 0, 1, 1)

        self.cert_names = QLabel(self.files_group)
        self.cert_names.setObjectName(u"cert_names")
        self.cert_names.setWordWrap(True)
        self.cert_names.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.cert_names, 3, 1, 1, 2)

        self.cert_issuer_label = QLabel(self.files_group)
        self.cert_issuer_label.setObjectName(u"cert_issuer_label")

        self.files_group_grid.addWidget(self.cert_issuer_label, 4, 0, 1, 1)

        self.cert_issuer = QLabel(self.files_group)
        self.cert_issuer.setObjectName(u"cert_issuer")
        self.cert_issuer.setWordWrap(True)
        self.cert_issuer.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.cert_issuer, 4, 1, 1, 2)

        self.cert_chain_label = QLabel(self.files_group)
        self.cert_chain_label.setObjectName(u"cert_chain_label")

        self.files_group_grid.addWidget(self.cert_chain_label, 5, 0, 1, 1)

        self.chain_box = QWidget(self.files_group)
        self.chain_box.setObjectName(u"chain_box")
        self.chain_box_layout = QVBoxLayout(self.chain_box)
        self.chain_box_layout.setObjectName(u"chain_box_layout")
        self.chain_box_layout.setContentsMargins(0, 0, 0, 0)
        self.cert_chain = QLabel(self.chain_box)
        self.cert_chain.setObjectName(u"cert_chain")
        self.cert_chain.setWordWrap(True)
        self.cert_chain.setTextFormat(Qt.RichText)

        self.chain_box_layout.addWidget(self.cert_chain)

        self.chain_view = ChainView(self.chain_box)
        self.chain_view.setObjectName(u"chain_view")
        self.chain_view.setMaximumSize(QSize(16777215, 150))

        self.chain_box_layout.addWidget(self.chain_view)

        self.details_button = QPushButton(self.chain_box)
        self.details_button.setObjectName(u"details_button")

        self.chain_box_layout.addWidget(self.details_button)


        self.files_group_grid.addWidget(self.chain_box, 5, 1, 1, 2)

        self.cert_key_type_label = QLabel(self.files_group)
        self.cert_key_type_label.setObjectName(u"cert_key_type_label")

        self.files_group_grid.addWidget(self.cert_key_type_label, 6, 0, 1, 1)

        self.cert_key_type = QLabel(self.files_group)
        self.cert_key_type.setObjectName(u"cert_key_type")
        self.cert_key_type.setWordWrap(True)
        self.cert_key_type.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.cert_key_type, 6, 1, 1, 2)

        self.cert_validity_label = QLabel(self.files_group)
        self.cert_validity_label.setObjectName(u"cert_validity_label")

        self.files_group_grid.addWidget(self.cert_validity_label, 7, 0, 1, 1)

        self.cert_validity = ValidityTimeline(self.files_group)
        self.cert_validity.setObjectName(u"cert_validity")

        self.files_group_grid.addWidget(self.cert_validity, 7, 1, 1, 2)

        self.files_dhparams_label = QLabel(self.files_group)
        self.files_dhparams_label.setObjectName(u"files_dhparams_label")

        self.files_group_grid.addWidget(self.files_dhparams_label, 8, 0, 1, 1)

        self.files_dhparams = QLabel(self.files_group)
        self.files_dhparams.setObjectName(u"files_dhparams")
        self.files_dhparams.setWordWrap(True)
        self.files_dhparams.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.files_dhparams, 8, 1, 1, 2)

        self.pending_key_label = QLabel(self.files_group)
        self.pending_key_label.setObjectName(u"pending_key_label")

        self.files_group_grid.addWidget(self.pending_key_label, 9, 0, 1, 1)

        self.pending_key = QLabel(self.files_group)
        self.pending_key.setObjectName(u"pending_key")
        self.pending_key.setWordWrap(True)
        self.pending_key.setTextFormat(Qt.RichText)

        self.files_group_grid.addWidget(self.pending_key, 9, 1, 1, 2)

        self.files_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.files_group)

        self.backups_group = QGroupBox(CertificatesPage)
        self.backups_group.setObjectName(u"backups_group")
        self.backups_group_grid = QGridLayout(self.backups_group)
        self.backups_group_grid.setObjectName(u"backups_group_grid")
        self.backups_list = QListWidget(self.backups_group)
        self.backups_list.setObjectName(u"backups_list")
        self.backups_list.setMaximumSize(QSize(16777215, 100))

        self.backups_group_grid.addWidget(self.backups_list, 0, 0, 1, 3)

        self.restore_button = QPushButton(self.backups_group)
        self.restore_button.setObjectName(u"restore_button")

        self.backups_group_grid.addWidget(self.restore_button, 0, 3, 1, 1)

        self.backups_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.backups_group)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.page_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.web_host_names_label.setBuddy(self.web_host_names)
        self.web_certificate_folder_label.setBuddy(self.web_certificate_folder)
        self.files_key_label.setBuddy(self.files_key)
        self.files_cert_label.setBuddy(self.files_cert)
        self.cert_subject_label.setBuddy(self.cert_subject)
        self.cert_names_label.setBuddy(self.cert_names)
        self.cert_issuer_label.setBuddy(self.cert_issuer)
        self.cert_chain_label.setBuddy(self.cert_chain)
        self.cert_key_type_label.setBuddy(self.cert_key_type)
        self.cert_validity_label.setBuddy(self.cert_validity)
        self.files_dhparams_label.setBuddy(self.files_dhparams)
        self.pending_key_label.setBuddy(self.pending_key)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CertificatesPage)

        QMetaObject.connectSlotsByName(CertificatesPage)
    # setupUi

    def retranslateUi(self, CertificatesPage):
        self.wizard_button.setText(QCoreApplication.translate("CertificatesPage", u"Certificate &Wizard\u2026", None))
        self.import_button.setText(QCoreApplication.translate("CertificatesPage", u"Install &Received Certificate\u2026", None))
        self.selfsigned_button.setText(QCoreApplication.translate("CertificatesPage", u"&Development Certificate\u2026", None))
        self.dhparams_button.setText(QCoreApplication.translate("CertificatesPage", u"Forward &Secrecy\u2026", None))
        self.refresh_button.setText(QCoreApplication.translate("CertificatesPage", u"Re&load Files", None))
        self.test_button.setText(QCoreApplication.translate("CertificatesPage", u"&Test TLS\u2026", None))
        self.names_group.setTitle(QCoreApplication.translate("CertificatesPage", u"Host names and certificate folder", None))
        self.web_host_names_label.setText(QCoreApplication.translate("CertificatesPage", u"Host names", None))
        self.web_host_names_source.setText(QCoreApplication.translate("CertificatesPage", u"stored in \u2026", None))
        self.web_certificate_folder_label.setText(QCoreApplication.translate("CertificatesPage", u"Certificate folder", None))
        self.web_certificate_folder_source.setText(QCoreApplication.translate("CertificatesPage", u"stored in \u2026", None))
        self.files_group.setTitle(QCoreApplication.translate("CertificatesPage", u"Certificate files", None))
        self.files_key_label.setText(QCoreApplication.translate("CertificatesPage", u"key.pem", None))
        self.files_cert_label.setText(QCoreApplication.translate("CertificatesPage", u"cert.pem", None))
        self.cert_subject_label.setText(QCoreApplication.translate("CertificatesPage", u"Subject", None))
        self.cert_names_label.setText(QCoreApplication.translate("CertificatesPage", u"Names (SANs)", None))
        self.cert_issuer_label.setText(QCoreApplication.translate("CertificatesPage", u"Issuer", None))
        self.cert_chain_label.setText(QCoreApplication.translate("CertificatesPage", u"Chain", None))
        self.details_button.setText(QCoreApplication.translate("CertificatesPage", u"Certificate &Details\u2026", None))
        self.cert_key_type_label.setText(QCoreApplication.translate("CertificatesPage", u"Key type", None))
        self.cert_validity_label.setText(QCoreApplication.translate("CertificatesPage", u"Validity", None))
        self.files_dhparams_label.setText(QCoreApplication.translate("CertificatesPage", u"dhparams.pem", None))
        self.pending_key_label.setText(QCoreApplication.translate("CertificatesPage", u"Pending key", None))
        self.backups_group.setTitle(QCoreApplication.translate("CertificatesPage", u"Backups", None))
        self.restore_button.setText(QCoreApplication.translate("CertificatesPage", u"&Restore\u2026", None))
        pass
    # retranslateUi

